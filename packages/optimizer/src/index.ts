/** The MRGAP engine (being built; see issue #4). */
export {};

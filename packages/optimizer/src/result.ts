/** The engine's output: a status union carrying the best plan, its bound and its reasons. */

/** optimal: proved within the target gap; feasible: everyone placed, gap open; infeasible: not
 * everyone could be placed (the plan is the best partial one, with the shortfall); stopped: the
 * caller stopped the search. */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'stopped';

/** Why an item ended where it did. */
export interface ItemReason {
  item: number;
  bin: number;
  /** 'locked', 'kept' (warm start), 'best' (its best eligible bin), 'traded' (a better bin was
   * full), 'unplaced-capacity', 'unplaced-ineligible'. */
  kind: 'locked' | 'kept' | 'best' | 'traded' | 'unplaced-capacity' | 'unplaced-ineligible';
  /** The weight it would have had in its best eligible bin. */
  bestWeight: number;
}

/** Use, slack and price of one resource in the plan. */
export interface ResourceReport {
  resource: number;
  name: string;
  capacity: number;
  used: number;
  slack: number;
  /** Lagrange multiplier: objective gained per unit of extra capacity (0 when not scarce). */
  price: number;
  /** Capacity missing to place the unplaced items in their best bins. */
  shortfall: number;
}

/** Numbers about the search. */
export interface SolveStats {
  iterations: number;
  /** Branch-and-bound nodes the engine's own proof explored (0 when it did not branch). */
  nodes: number;
  timeMs: number;
  boundSource:
    'lagrangian' | 'assignment' | 'branch-and-bound' | 'highs-lp' | 'highs-mip' | 'trivial';
  exactUsed: boolean;
}

/** The result of `solve`. */
export interface SolveResult {
  status: SolveStatus;
  /** Bin index per item (−1 = unplaced). */
  assignment: Int32Array;
  /** Σ weights of placed items − Σ penalties of unplaced items. */
  objective: number;
  /** An upper bound on the best objective (maximisation). */
  bound: number;
  /** (bound − objective) / max(1, |bound|). */
  gap: number;
  unplaced: number;
  reasons: ItemReason[];
  resources: ResourceReport[];
  stats: SolveStats;
}

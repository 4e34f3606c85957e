/** Options of `solve`, with every default in one object. */
import type { Highs } from 'highs';

/** Where a long solve stands, for progress bars and job events. */
export interface SolveProgress {
  /** lagrangian: bound and prices; search: tabu or kicks; exact: HiGHS MIP started; done. */
  phase: 'lagrangian' | 'search' | 'exact' | 'done';
  iteration: number;
  objective: number;
  bound: number;
  gap: number;
}

/** What a caller may set; everything else comes from `defaultOptions`. */
export interface SolveOptions {
  /** Wall-clock limit in milliseconds (the iteration limit is the primary, deterministic knob). */
  timeLimitMs?: number;
  /** Subgradient iterations at most. */
  maxIterations?: number;
  /** Stop when (bound − objective) / max(1, |bound|) is at most this. */
  targetGap?: number;
  /** Seed of the random choices (ties, perturbations): same seed, same result. */
  seed?: number;
  /** A previous assignment (bin index per item, −1 unplaced) to start from. */
  warmStart?: Int32Array | number[] | null;
  /** Bonus added to keeping an item in its warm-start bin (re-planning changes few plans). */
  changePenalty?: number;
  /** Items fixed to a bin: item index → bin index (−1 fixes it unplaced). */
  locks?: ReadonlyMap<number, number>;
  /** Rounds of iterated local search (kick, rebuild, improve) at most, after the Lagrangian phase. */
  maxKicks?: number;
  /** Stop kicking after this many rounds without improvement. */
  kickPatience?: number;
  /** Improve by tabu search (instead of kicks) when the instance has at most this many pairs. */
  tabuPairLimit?: number;
  /** Tabu moves at most. */
  tabuIterations?: number;
  /** Tabu moves without a better plan before restarting from the best (the third ends it). */
  tabuPatience?: number;
  /**
   * Candidate bins per item of the ejection-chain search, which replaces the tabu search's runs on
   * single-resource GAPs (each pair uses one resource of its own bin); 0 turns it off.
   */
  chainCandidates?: number;
  /** Local optima without a better plan before an ejection-chain run ends (and the next starts). */
  chainPatience?: number;
  /** Called now and then with the state of the search; return false to stop early. */
  progress?: ((p: SolveProgress) => boolean | void) | null;
  /** A loaded HiGHS runtime: small instances are then finished and proved by its MIP solver. */
  highs?: Highs | null;
  /**
   * With HiGHS given, compute the LP bound when the instance has at most this many eligible pairs,
   * or, above that, when its class model (alike items counted once) has at most this many.
   */
  lpPairLimit?: number;
  /**
   * With HiGHS given, an instance over `lpPairLimit` pairs whose class model is not small enough
   * gets its LP by column generation when it has at most this many pairs.
   */
  columnPairLimit?: number;
  /** Share of the time limit the column-generation LP may take (counted from the start). */
  columnLpShare?: number;
  /** Use HiGHS MIP only when the instance has at most this many eligible pairs. */
  exactPairLimit?: number;
  /** Time limit of the HiGHS MIP, in milliseconds. */
  exactTimeLimitMs?: number;
  /** Bound by the assignment relaxation (a knapsack per bin) when at most this many pairs. */
  assignmentPairLimit?: number;
  /** Subgradient iterations of the assignment relaxation at most. */
  assignmentIterations?: number;
  /** Prove by the engine's own branch and bound when the instance has at most this many pairs. */
  branchPairLimit?: number;
  /** Share of the time left that the assignment relaxation may take on an instance too large to branch. */
  assignmentShare?: number;
  /** Branch-and-bound nodes at most. */
  branchNodes?: number;
}

/** The defaults: the one place they live. */
export const defaultOptions: Required<SolveOptions> = {
  timeLimitMs: 10_000,
  maxIterations: 3000,
  targetGap: 1e-4,
  seed: 1,
  warmStart: null,
  changePenalty: 0,
  locks: new Map(),
  maxKicks: 20_000,
  kickPatience: 60,
  tabuPairLimit: 50_000,
  tabuIterations: 200_000,
  tabuPatience: 5_000,
  chainCandidates: 5,
  chainPatience: 30,
  progress: null,
  highs: null,
  lpPairLimit: 300_000,
  columnPairLimit: 3_000_000,
  columnLpShare: 0.8,
  exactPairLimit: 10_000,
  exactTimeLimitMs: 5_000,
  assignmentPairLimit: 200_000,
  assignmentIterations: 1_500,
  branchPairLimit: 5_000,
  assignmentShare: 0.15,
  branchNodes: 50_000,
};

/** Generalised assignment problems through the engine, as `corridor solve-gap` reports them. */
import type { Highs } from 'highs';
import { parseGap, type GapProblem } from './gap-format.js';
import type { Instance } from './instance.js';
import type { SolveStatus } from './result.js';
import type { SolveOptions } from './options.js';
import { solve } from './solve.js';

/** Objective sense of a GAP file: costs to minimise or profits to maximise. */
export type GapSense = 'min' | 'max';

/** One line of `corridor solve-gap --json`. */
export interface GapResult {
  name: string;
  m: number;
  n: number;
  sense: GapSense;
  status: SolveStatus;
  objective: number;
  bound: number;
  gap: number;
  timeMs: number;
  /** Agent index (0-based) of each job; −1 where a job could not be placed. */
  assignment: number[];
}

/** The engine's form of a GAP: every job must be placed (a penalty above any cost). */
export function gapToInstance(problem: GapProblem, sense: GapSense): Instance {
  const { m, n, cost, use, capacity } = problem;
  let biggest = 0;
  for (let j = 0; j < n; j++) {
    let worst = 0;
    for (let i = 0; i < m; i++) worst = Math.max(worst, Math.abs(cost[i]![j]!));
    biggest += worst;
  }
  const penalty = biggest + 1;
  return {
    resources: capacity.map((c, i) => ({ name: `agent ${i}`, capacity: c })),
    bins: capacity.map((_, i) => ({ name: `agent ${i}` })),
    items: Array.from({ length: n }, (_, j) => ({
      name: `job ${j}`,
      penalty,
      pairs: Array.from({ length: m }, (_, i) => ({
        bin: i,
        weight: sense === 'min' ? -cost[i]![j]! : cost[i]![j]!,
        use: [[i, use[i]![j]!]] as [number, number][],
      })).filter((p) => (p.use[0]?.[1] ?? 0) <= capacity[p.bin]!),
    })),
  };
}

/** Solves every problem of a GAP file; objective and bound are in the file's own sense. */
export function solveGap(
  text: string,
  name: string,
  options: {
    sense: GapSense;
    timeLimitMs: number;
    highs?: Highs | null;
    seed?: number;
    /** Candidate bins of the ejection-chain search (0: the tabu search instead; for comparisons). */
    chainCandidates?: number;
    /** Search options over the defaults (benchmarks compare a setting with and without it). */
    search?: Pick<
      SolveOptions,
      'chainCandidates' | 'chainPatience' | 'tabuPatience' | 'branchNodes' | 'assignmentShare'
    >;
  },
): GapResult[] {
  return parseGap(text, name).map((problem) => {
    const result = solve(gapToInstance(problem, options.sense), {
      timeLimitMs: options.timeLimitMs,
      maxIterations: 100_000,
      kickPatience: 400,
      exactPairLimit: 20_000,
      exactTimeLimitMs: options.timeLimitMs,
      tabuIterations: 10_000_000,
      // Every GAP gets the path-relinking tabu search (the kicks meant for the largest timetables
      // left 40 × 1600 and 80 × 1600 where they started).
      tabuPairLimit: Infinity,
      tabuPatience: 5 * problem.n,
      highs: options.highs ?? null,
      seed: options.seed ?? 1,
      ...(options.chainCandidates === undefined
        ? {}
        : { chainCandidates: options.chainCandidates }),
      ...options.search,
      // Costs are integers: search until the plan is proved optimal or the time is up.
      targetGap: 0,
    });
    const flip = options.sense === 'min' ? -1 : 1;
    return {
      name: problem.name,
      m: problem.m,
      n: problem.n,
      sense: options.sense,
      status: result.status,
      objective: flip * result.objective,
      bound: flip * result.bound,
      gap: result.gap,
      timeMs: Math.round(result.stats.timeMs * 10) / 10,
      assignment: Array.from(result.assignment),
    };
  });
}

/** The same model for HiGHS (WASM): an exact MIP for small instances and an LP bound for any size. */
import type { Highs } from 'highs';
import type { Model } from './model.js';

/** What HiGHS found: the pairs chosen (MIP), its objective and its proved bound. */
export interface ExactResult {
  status: 'optimal' | 'time-limit' | 'infeasible' | 'other';
  pairs: Int32Array | null;
  objective: number;
  bound: number;
  timeMs: number;
}

/**
 * Builds the model column-wise with the sparse API: x_p per eligible pair, y_c per item
 * (unplaced); rows are one assignment row per item then one row per resource. With `count`, item
 * c is a class of count[c] alike items: its row and columns count items up to count[c].
 */
function build(
  highs: Highs,
  model: Model,
  fixed: Int32Array,
  integer: boolean,
  count: Float64Array | null = null,
) {
  const P = model.pairWeight.length;
  const n = model.n;
  const numCols = P + n;
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  let col = 0;
  for (let c = 0; c < n; c++) {
    if (count) colUpper.fill(count[c]!, col, col + model.pairStart[c + 1]! - model.pairStart[c]!);
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      indices.push(c);
      values.push(1);
      for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
        indices.push(n + model.useResource[k]!);
        values.push(model.useAmount[k]!);
      }
      colCost[col] = model.pairWeight[p]!;
      if (fixed[c]! !== -3) colUpper[col] = fixed[c] === p ? 1 : 0;
      if (fixed[c] === p) colLower[col] = 1;
      starts[++col] = indices.length;
    }
  }
  for (let c = 0; c < n; c++) {
    indices.push(c);
    values.push(1);
    colCost[col] = -model.penalty[c]!;
    if (count) colUpper[col] = count[c]!;
    if (fixed[c]! >= 0) colUpper[col] = 0;
    if (fixed[c] === -1) colLower[col] = 1;
    starts[++col] = indices.length;
  }
  const numRows = n + model.resources;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  for (let c = 0; c < n; c++) {
    rowLower[c] = count ? count[c]! : 1;
    rowUpper[c] = rowLower[c]!;
  }
  for (let r = 0; r < model.resources; r++) {
    rowLower[n + r] = -highs.infinity;
    rowUpper[n + r] = model.capacity[r]!;
  }
  return {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc' as const,
      numRows,
      numCols,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    ...(integer
      ? { integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) }
      : {}),
  };
}

/**
 * Solves the MIP (within a time limit and a relative gap), starting from `start` (pair per item,
 * −1 unplaced) when given.
 */
export function solveExact(
  highs: Highs,
  model: Model,
  fixed: Int32Array,
  start: Int32Array | null,
  timeLimitMs: number,
  relativeGap = 1e-9,
): ExactResult {
  const t0 = performance.now();
  return highs.withModel(build(highs, model, fixed, true), (h) => {
    h.options.set({
      output_flag: false,
      time_limit: timeLimitMs / 1000,
      mip_rel_gap: relativeGap,
    });
    if (start) {
      const value = new Float64Array(model.pairWeight.length + model.n);
      for (let c = 0; c < model.n; c++)
        value[start[c]! >= 0 ? start[c]! : model.pairWeight.length + c] = 1;
      try {
        h.setSolution({ colValue: value });
      } catch {
        // An unusable start only costs time.
      }
    }
    const run = h.run();
    const codes = highs.constants.modelStatus;
    const status: ExactResult['status'] =
      run.modelStatus === codes.optimal
        ? 'optimal'
        : run.modelStatus === codes.timeLimit
          ? 'time-limit'
          : run.modelStatus === codes.infeasible
            ? 'infeasible'
            : 'other';
    let pairs: Int32Array | null = null;
    let objective = -Infinity;
    if (status === 'optimal' || status === 'time-limit') {
      const x = h.getSolution().colValue;
      if (x.length === model.pairWeight.length + model.n) {
        pairs = new Int32Array(model.n).fill(-1);
        for (let c = 0; c < model.n; c++) {
          for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++)
            if (x[p]! > 0.5) pairs[c] = p;
        }
        objective = h.getObjectiveValue();
      }
    }
    const dual = Number(h.info.get('mip_dual_bound'));
    const bound = status === 'optimal' ? objective : Number.isFinite(dual) ? dual : Infinity;
    return { status, pairs, objective, bound, timeMs: performance.now() - t0 };
  });
}

/** The LP relaxation's optimum: an upper bound, the resource duals, and x per pair (to round). */
export interface LpResult {
  /** Infinity when HiGHS did not reach the LP optimum in time. */
  bound: number;
  prices: Float64Array;
  /** The LP value of every pair (null without an optimum). */
  x: Float64Array | null;
  timeMs: number;
}

/** Solves the LP relaxation of the model, or of a class model with `count` (see `LpResult`). */
export function lpBound(
  highs: Highs,
  model: Model,
  fixed: Int32Array,
  timeLimitMs: number,
  count: Float64Array | null = null,
): LpResult {
  const t0 = performance.now();
  return highs.withModel(build(highs, model, fixed, false, count), (h) => {
    h.options.set({ output_flag: false, time_limit: timeLimitMs / 1000 });
    const run = h.run();
    const optimal = run.modelStatus === highs.constants.modelStatus.optimal;
    const solution = h.getSolution();
    const prices = new Float64Array(model.resources);
    for (let r = 0; r < model.resources; r++)
      prices[r] = Math.abs(solution.rowDual[model.n + r] ?? 0);
    const P = model.pairWeight.length;
    return {
      bound: optimal ? h.getObjectiveValue() : Infinity,
      prices,
      x: optimal ? Float64Array.from(solution.colValue.subarray(0, P)) : null,
      timeMs: performance.now() - t0,
    };
  });
}

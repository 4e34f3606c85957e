/** 0-1 knapsack: exact by dynamic programming over an integer capacity, fractional otherwise. */

/** What `KnapsackSolver.solve` found. */
export interface KnapsackAnswer {
  /** The optimum when `exact`, otherwise the fractional (Dantzig) bound: never below it. */
  value: number;
  exact: boolean;
}

/**
 * Solves knapsacks one after another, reusing its buffers. Items are 0 … count − 1 with profit
 * > 0 and weight ≤ capacity (the caller filters); weights and capacity are integers when
 * `integral` is true. Larger tables than `cellLimit` cells fall back to the fractional bound.
 */
export class KnapsackSolver {
  private best = new Float64Array(64);
  private keep = new Uint8Array(64);
  private order = new Int32Array(64);
  private ratio = new Float64Array(64);

  constructor(private readonly cellLimit = 20_000_000) {}

  /**
   * Maximises Σ profit·take with Σ weight·take ≤ capacity and marks the choice in `take`
   * (take[k] = 1). With `curve` (length ≥ capacity + 1) and an exact answer, curve[c] is the
   * optimum at capacity c for every c ≤ capacity (used to bound a problem with one item forced in).
   */
  solve(
    profit: Float64Array,
    weight: Float64Array,
    count: number,
    capacity: number,
    integral: boolean,
    take: Uint8Array,
    curve: Float64Array | null = null,
  ): KnapsackAnswer {
    take.fill(0, 0, count);
    let total = 0;
    let all = 0;
    for (let k = 0; k < count; k++) {
      total += weight[k]!;
      all += profit[k]!;
    }
    if (total <= capacity + 1e-9) {
      take.fill(1, 0, count);
      if (curve && integral) this.curveOfAll(profit, weight, count, capacity, curve);
      return { value: all, exact: true };
    }
    const cap = Math.floor(capacity + 1e-9);
    if (!integral || count * (cap + 1) > this.cellLimit) {
      return { value: this.fractional(profit, weight, count, capacity, take), exact: false };
    }
    const width = cap + 1;
    if (this.best.length < width) this.best = new Float64Array(width * 2);
    if (this.keep.length < count * width) this.keep = new Uint8Array(count * width * 2);
    const best = this.best;
    const keep = this.keep;
    best.fill(0, 0, width);
    keep.fill(0, 0, count * width);
    for (let k = 0; k < count; k++) {
      const w = weight[k]!;
      const p = profit[k]!;
      const row = k * width;
      for (let c = cap; c >= w; c--) {
        const v = best[c - w]! + p;
        if (v > best[c]!) {
          best[c] = v;
          keep[row + c] = 1;
        }
      }
    }
    const value = best[cap]!;
    if (curve) {
      for (let c = 0; c < width; c++) curve[c] = best[c]!;
      for (let c = width; c <= capacity && c < curve.length; c++) curve[c] = value;
    }
    let c = cap;
    for (let k = count - 1; k >= 0; k--) {
      if (keep[k * width + c]) {
        take[k] = 1;
        c -= weight[k]!;
      }
    }
    return { value, exact: true };
  }

  /** Curve when every item fits: exact by the same recursion over the (small) total weight. */
  private curveOfAll(
    profit: Float64Array,
    weight: Float64Array,
    count: number,
    capacity: number,
    curve: Float64Array,
  ): void {
    const cap = Math.min(Math.floor(capacity + 1e-9), curve.length - 1);
    curve.fill(0, 0, cap + 1);
    for (let k = 0; k < count; k++) {
      const w = weight[k]!;
      for (let c = cap; c >= w; c--) {
        const v = curve[c - w]! + profit[k]!;
        if (v > curve[c]!) curve[c] = v;
      }
    }
  }

  /** Dantzig's bound (items by profit per weight, the last one split); `take` gets the whole ones. */
  private fractional(
    profit: Float64Array,
    weight: Float64Array,
    count: number,
    capacity: number,
    take: Uint8Array,
  ): number {
    if (this.order.length < count) {
      this.order = new Int32Array(count * 2);
      this.ratio = new Float64Array(count * 2);
    }
    const ratio = this.ratio;
    for (let k = 0; k < count; k++)
      ratio[k] = weight[k]! > 0 ? profit[k]! / weight[k]! : Number.MAX_VALUE;
    const order = Array.from(this.order.subarray(0, count), (_, k) => k).sort(
      (a, b) => ratio[b]! - ratio[a]!,
    );
    let left = capacity;
    let value = 0;
    for (const k of order) {
      const w = weight[k]!;
      if (w <= left + 1e-12) {
        take[k] = 1;
        left -= w;
        value += profit[k]!;
      } else {
        if (left > 0) value += (profit[k]! * left) / w;
        left = 0;
      }
    }
    // Items that still fit after the split one may be taken whole; the bound stays Dantzig's.
    return value;
  }
}

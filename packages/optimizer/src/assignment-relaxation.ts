/**
 * Lagrangian relaxation of the assignment constraints (each item in at most one bin): what is
 * left is one 0-1 knapsack per bin, solved exactly, so the bound is at least as strong as the LP.
 * A bin's knapsack is over one resource only that bin uses (its binding one); every other
 * resource (a bin's second resource, shared ones) is priced out as in the capacity relaxation.
 */
import { KnapsackSolver } from './knapsack.js';
import type { Model } from './model.js';

const eps = 1e-9;

/** A subproblem: pairs still allowed and items forced to a pair (−3 free, −1 unplaced, ≥ 0 pair). */
export interface Restriction {
  allowed: Uint8Array;
  forced: Int32Array;
}

/** Multipliers: one per item (its assignment row) and one per priced-out resource. */
export interface Multipliers {
  item: Float64Array;
  resource: Float64Array;
}

/** Assignment-relaxation bounds for a compiled model, with reusable buffers. */
export class AssignmentRelaxation {
  /** The knapsack resource of each bin (−1: none, its pairs are only priced). */
  readonly knapsackOf: Int32Array;
  /** 1 for resources priced out (not any bin's knapsack resource). */
  readonly priced: Uint8Array;
  /** Item (contracted) of each pair. */
  readonly itemOfPair: Int32Array;
  /** Pairs of bin b: binPairs[binStart[b] … binStart[b + 1] − 1]. */
  readonly binStart: Int32Array;
  readonly binPairs: Int32Array;
  /** Amount of its bin's knapsack resource each pair uses. */
  readonly knapsackWeight: Float64Array;
  /** Whether each bin's knapsack weights and capacity are integers (exact dynamic programming). */
  readonly integral: Uint8Array;
  /** After `evaluate`: the relaxation's choice per pair, item counts, priced use, knapsack values. */
  readonly x: Uint8Array;
  readonly count: Int32Array;
  readonly pricedUse: Float64Array;
  readonly binValue: Float64Array;
  readonly binCapacity: Float64Array;
  readonly binExact: Uint8Array;
  /** Knapsack value per capacity of each bin at the last evaluation (when `keepCurves`). */
  readonly curves: (Float64Array | null)[];
  // Up to 4 M table cells per knapsack; a larger one is bounded by its fractional relaxation.
  private readonly solver = new KnapsackSolver(4_000_000);
  private profit = new Float64Array(64);
  private weight = new Float64Array(64);
  private pairOfSlot = new Int32Array(64);
  private take = new Uint8Array(64);

  constructor(
    readonly model: Model,
    readonly keepCurves = false,
  ) {
    const { m, resources, pairBin, useStart, useResource, useAmount, capacity } = model;
    const P = model.pairWeight.length;
    const owner = new Int32Array(resources).fill(-1);
    for (let p = 0; p < P; p++) {
      const b = pairBin[p]!;
      for (let k = useStart[p]!; k < useStart[p + 1]!; k++) {
        const r = useResource[k]!;
        owner[r] = owner[r] === -1 || owner[r] === b ? b : -2;
      }
    }
    // A bin's knapsack resource: one only it uses, the smallest capacity (the binding one) first.
    this.knapsackOf = new Int32Array(m).fill(-1);
    for (let r = 0; r < resources; r++) {
      const b = owner[r]!;
      if (b < 0) continue;
      const k = this.knapsackOf[b]!;
      if (k < 0 || capacity[r]! < capacity[k]!) this.knapsackOf[b] = r;
    }
    this.priced = new Uint8Array(resources).fill(1);
    for (let b = 0; b < m; b++) if (this.knapsackOf[b]! >= 0) this.priced[this.knapsackOf[b]!] = 0;
    this.itemOfPair = new Int32Array(P);
    for (let c = 0; c < model.n; c++)
      for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) this.itemOfPair[p] = c;
    this.binStart = new Int32Array(m + 1);
    for (let p = 0; p < P; p++) this.binStart[pairBin[p]! + 1]!++;
    for (let b = 0; b < m; b++) this.binStart[b + 1]! += this.binStart[b]!;
    this.binPairs = new Int32Array(P);
    const fill = this.binStart.slice(0, m);
    for (let p = 0; p < P; p++) this.binPairs[fill[pairBin[p]!]!++] = p;
    this.knapsackWeight = new Float64Array(P);
    this.integral = new Uint8Array(m);
    for (let b = 0; b < m; b++) {
      const r = this.knapsackOf[b]!;
      this.integral[b] = r >= 0 ? 1 : 0;
    }
    for (let p = 0; p < P; p++) {
      const b = pairBin[p]!;
      const r = this.knapsackOf[b]!;
      for (let k = useStart[p]!; k < useStart[p + 1]!; k++) {
        if (useResource[k] !== r) continue;
        this.knapsackWeight[p] = useAmount[k]!;
        if (!Number.isInteger(useAmount[k]!)) this.integral[b] = 0;
      }
    }
    this.x = new Uint8Array(P);
    this.count = new Int32Array(model.n);
    this.pricedUse = new Float64Array(resources);
    this.binValue = new Float64Array(m);
    this.binCapacity = new Float64Array(m);
    this.binExact = new Uint8Array(m);
    this.curves = Array.from({ length: m }, (_, b) => {
      const r = this.knapsackOf[b]!;
      if (!keepCurves || r < 0 || !this.integral[b] || capacity[r]! > 1e6) return null;
      return new Float64Array(Math.floor(capacity[r]! + eps) + 1);
    });
  }

  /** Whether any bin has a knapsack resource (otherwise this is the capacity relaxation). */
  get useful(): boolean {
    return this.knapsackOf.some((r) => r >= 0);
  }

  /** Multipliers from resource prices: the bound they give is at most the capacity relaxation's. */
  fromPrices(prices: Float64Array, restriction: Restriction): Multipliers {
    const { model } = this;
    const item = new Float64Array(model.n);
    for (let c = 0; c < model.n; c++) {
      if (restriction.forced[c] !== -3) continue;
      let best = 0;
      for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
        if (!restriction.allowed[p]) continue;
        let w = model.pairWeight[p]! + model.penalty[c]!;
        for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++)
          w -= prices[model.useResource[k]!]! * model.useAmount[k]!;
        if (w > best) best = w;
      }
      item[c] = best;
    }
    const resource = Float64Array.from(prices, (v, r) => (this.priced[r] ? v : 0));
    return { item, resource };
  }

  /** Profit of pair p in its bin's knapsack at multipliers `mu`. */
  profitOf(p: number, mu: Multipliers): number {
    const { model } = this;
    const c = this.itemOfPair[p]!;
    let w = model.pairWeight[p]! + model.penalty[c]! - mu.item[c]!;
    for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++) {
      const r = model.useResource[k]!;
      if (this.priced[r]) w -= mu.resource[r]! * model.useAmount[k]!;
    }
    return w;
  }

  /**
   * The relaxation's value at `mu` under `restriction` (an upper bound on every plan it allows;
   * −Infinity when forced pairs alone overfill a knapsack). Fills x, count, pricedUse, binValue.
   */
  evaluate(mu: Multipliers, restriction: Restriction): number {
    const { model } = this;
    const { forced, allowed } = restriction;
    const { capacity, penalty, pairWeight, useStart, useResource, useAmount } = model;
    let value = 0;
    this.pricedUse.fill(0);
    this.count.fill(0);
    for (let r = 0; r < model.resources; r++)
      if (this.priced[r]) value += mu.resource[r]! * capacity[r]!;
    for (let b = 0; b < model.m; b++) {
      const r = this.knapsackOf[b]!;
      this.binCapacity[b] = r >= 0 ? capacity[r]! : Infinity;
    }
    for (let c = 0; c < model.n; c++) {
      const f = forced[c]!;
      if (f === -3) value += mu.item[c]! - penalty[c]!;
      else if (f === -1) value -= penalty[c]!;
      else {
        value += pairWeight[f]!;
        this.binCapacity[model.pairBin[f]!]! -= this.knapsackWeight[f]!;
        for (let k = useStart[f]!; k < useStart[f + 1]!; k++) {
          const r = useResource[k]!;
          if (!this.priced[r]) continue;
          value -= mu.resource[r]! * useAmount[k]!;
          this.pricedUse[r]! += useAmount[k]!;
        }
      }
    }
    this.x.fill(0);
    for (let b = 0; b < model.m; b++) {
      const cap = this.binCapacity[b]!;
      if (cap < -eps) return -Infinity;
      const from = this.binStart[b]!;
      const to = this.binStart[b + 1]!;
      if (this.profit.length < to - from) this.grow(to - from);
      let count = 0;
      for (let s = from; s < to; s++) {
        const p = this.binPairs[s]!;
        if (!allowed[p] || forced[this.itemOfPair[p]!] !== -3) continue;
        const w = this.knapsackWeight[p]!;
        if (w > cap + eps) continue;
        const profit = this.profitOf(p, mu);
        if (profit <= eps) continue;
        this.profit[count] = profit;
        this.weight[count] = w;
        this.pairOfSlot[count++] = p;
      }
      const answer = this.solver.solve(
        this.profit,
        this.weight,
        count,
        Math.max(0, cap),
        this.integral[b] === 1,
        this.take,
        this.curves[b] ?? null,
      );
      this.binValue[b] = answer.value;
      this.binExact[b] = answer.exact ? 1 : 0;
      value += answer.value;
      for (let k = 0; k < count; k++) {
        if (!this.take[k]) continue;
        const p = this.pairOfSlot[k]!;
        this.x[p] = 1;
        this.count[this.itemOfPair[p]!]!++;
        for (let q = useStart[p]!; q < useStart[p + 1]!; q++)
          if (this.priced[useResource[q]!]) this.pricedUse[useResource[q]!]! += useAmount[q]!;
      }
    }
    return value;
  }

  /**
   * Upper bound on the relaxation with pair p forced in, from the last evaluation at `mu` (whose
   * value was `value`); +Infinity when it cannot tell (a fractional knapsack).
   */
  boundWith(p: number, value: number, mu: Multipliers): number {
    if (this.x[p]) return value;
    const b = this.model.pairBin[p]!;
    const curve = this.curves[b];
    if (!curve || !this.binExact[b]) return Infinity;
    const left = Math.floor(this.binCapacity[b]! + eps) - this.knapsackWeight[p]!;
    if (left < 0) return -Infinity;
    const rest = curve[Math.min(left, curve.length - 1)]!;
    return value - this.binValue[b]! + this.profitOf(p, mu) + rest;
  }

  private grow(size: number): void {
    this.profit = new Float64Array(size * 2);
    this.weight = new Float64Array(size * 2);
    this.pairOfSlot = new Int32Array(size * 2);
    this.take = new Uint8Array(size * 2);
  }
}

/** Lagrangian relaxation of the capacities: an upper bound, and prices for every resource. */
import type { Model } from './model.js';
import { reducedWeight } from './search.js';

/**
 * The relaxation at given prices: its value (a bound) and the resource use of its choice. With
 * `count`, item c of the model stands for count[c] alike items (a class).
 */
export function relax(
  model: Model,
  prices: Float64Array,
  fixed: Int32Array,
  use: Float64Array,
  count: Float64Array | null = null,
): number {
  use.fill(0);
  let value = 0;
  for (let r = 0; r < model.resources; r++) value += prices[r]! * model.capacity[r]!;
  for (let c = 0; c < model.n; c++) {
    let bestPair = -1;
    let best = -model.penalty[c]!;
    if (fixed[c]! >= 0) {
      bestPair = fixed[c]!;
      best = reducedWeight(model, prices, bestPair);
    } else if (fixed[c] !== -1) {
      for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
        const w = reducedWeight(model, prices, p);
        if (w > best) {
          best = w;
          bestPair = p;
        }
      }
    }
    const times = count ? count[c]! : 1;
    value += times * best;
    if (bestPair >= 0) {
      for (let k = model.useStart[bestPair]!; k < model.useStart[bestPair + 1]!; k++)
        use[model.useResource[k]!]! += times * model.useAmount[k]!;
    }
  }
  return value;
}

/**
 * Subgradient state across iterations (Polyak steps with a shrinking step factor), on the item
 * model or on its class model (`count` items per class: the same bound, one pass per class).
 */
export class Subgradient {
  readonly prices: Float64Array;
  readonly bestPrices: Float64Array;
  /** The best (lowest) bound so far; an outside bound (the LP's) may lower it. */
  bound = Infinity;
  private factor = 2;
  private stall = 0;
  private readonly use: Float64Array;

  constructor(
    private readonly model: Model,
    private readonly count: Float64Array | null = null,
  ) {
    this.prices = new Float64Array(model.resources);
    this.bestPrices = new Float64Array(model.resources);
    this.use = new Float64Array(model.resources);
  }

  /** Starts from a known bound and prices (the LP's optimum and duals). */
  start(bound: number, prices: Float64Array): void {
    this.bound = bound;
    this.prices.set(prices);
    this.bestPrices.set(prices);
  }

  /** One iteration: evaluates the relaxation, keeps the best bound, moves the prices. */
  step(target: number, fixed: Int32Array): number {
    const value = relax(this.model, this.prices, fixed, this.use, this.count);
    if (value < this.bound - 1e-9) {
      this.bound = value;
      this.bestPrices.set(this.prices);
      this.stall = 0;
    } else if (++this.stall >= 15) {
      this.factor = Math.max(this.factor / 2, 1e-4);
      this.stall = 0;
    }
    let norm = 0;
    const g = new Float64Array(this.model.resources);
    for (let r = 0; r < this.model.resources; r++) {
      g[r] = this.model.capacity[r]! - this.use[r]!;
      if (this.prices[r]! > 0 || g[r]! < 0) norm += g[r]! * g[r]!;
    }
    if (norm === 0) return value;
    const gap = polyakGap(value, target);
    const t = (this.factor * gap) / norm;
    for (let r = 0; r < this.model.resources; r++)
      this.prices[r] = Math.max(0, this.prices[r]! - t * g[r]!);
    return value;
  }

  /** True once the step factor is too small to move the prices. */
  get exhausted(): boolean {
    return this.factor <= 1e-4;
  }
}

/**
 * The step's estimate of how far the bound is from the optimum: to the best plan, but at most 5%
 * of the bound (a first plan that leaves items out, at a large penalty each, would otherwise
 * throw the prices far past any useful value) and at least a millionth of it.
 */
export function polyakGap(value: number, target: number): number {
  const scale = Math.max(1, Math.abs(value));
  return Math.min(Math.max(value - target, 1e-6 * scale), 0.05 * scale);
}

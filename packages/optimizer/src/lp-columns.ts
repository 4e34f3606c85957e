/** The LP bound of a model too large for one HiGHS LP: rows and columns generated as needed. */
import type { Highs } from 'highs';
import { lpBound } from './highs-model.js';
import { copyPairs, type Model } from './model.js';
import { reducedWeight } from './search.js';

/** The LP's optimum (or the best bound reached), its resource prices and x per pair. */
export interface ColumnLpResult {
  /** The Lagrangian value at the prices: an upper bound; the LP optimum once converged. */
  bound: number;
  prices: Float64Array;
  /** The LP solution on every pair of the model (items outside the LP at their best pair). */
  x: Float64Array | null;
  /** LPs solved, and the items and pairs in the last one. */
  rounds: number;
  items: number;
  columns: number;
  /** True when no item or pair priced in: the bound is the LP optimum. */
  converged: boolean;
}

/** Item c's best pair at the prices (−1: unplaced) and how far ahead of its second it is. */
function bestOf(model: Model, prices: Float64Array, c: number): [number, number, number] {
  let best = -model.penalty[c]!;
  let second = -Infinity;
  let pair = -1;
  for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
    const w = reducedWeight(model, prices, p);
    if (w > best) {
      second = best;
      best = w;
      pair = p;
    } else if (w > second) second = w;
  }
  return [pair, best, best - second];
}

/** The model of the items in the LP, their marked pairs, and the capacity the others leave. */
function restrict(
  model: Model,
  inLp: Int32Array,
  marked: Uint8Array,
  capacity: Float64Array,
): { sub: Model; full: Int32Array } {
  const { source: full, ...rows } = copyPairs(model, inLp, marked);
  const penalty = Float64Array.from(inLp, (c) => model.penalty[c]!);
  const sub: Model = { ...model, n: inLp.length, capacity, penalty, ...rows };
  return { sub, full };
}

/**
 * The LP relaxation of a large model. At `prices` (near the optimum's), the free items whose best
 * pair leads their second by the least (about `contested` of them) enter the LP with their
 * `perItem` best pairs; every other item stays at its best pair and only takes its capacity. After
 * each LP, an item outside whose best pair changed at the LP's prices enters it, and a pair that
 * beats its item's best in the LP is added, until none does (then the LP is the whole model's) or
 * the deadline (the first LP gets at least a second). The bound is the Lagrangian value at the LP's prices: valid at any point.
 */
export function columnLp(
  highs: Highs,
  model: Model,
  fixed: Int32Array,
  prices: Float64Array,
  deadline: number,
  contested = 10 * model.resources,
  perItem = 2,
): ColumnLpResult {
  const { n } = model;
  const marked = new Uint8Array(model.pairWeight.length);
  const lp = new Uint8Array(n);
  const choice = new Int32Array(n);
  const margin = new Float64Array(n);
  const markTop = (c: number) => {
    const w = (p: number) => reducedWeight(model, prices, p);
    const order: number[] = [];
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) order.push(p);
    order.sort((a, b) => w(b) - w(a));
    for (const p of order.slice(0, perItem)) marked[p] = 1;
  };
  const free: number[] = [];
  for (let c = 0; c < n; c++) {
    if (fixed[c] !== -3) {
      choice[c] = fixed[c]! >= 0 ? fixed[c]! : -1;
      continue;
    }
    free.push(c);
    const [pair, best, lead] = bestOf(model, prices, c);
    choice[c] = pair;
    margin[c] = lead / Math.max(1, Math.abs(best));
  }
  free.sort((a, b) => margin[a]! - margin[b]!);
  let result: ColumnLpResult = {
    bound: Infinity,
    prices: new Float64Array(model.resources),
    x: null,
    rounds: 0,
    items: 0,
    columns: 0,
    converged: false,
  };
  // Every item locked: nothing for an LP to decide (and HiGHS would get a model without columns).
  if (free.length === 0) return result;
  for (const c of free.slice(0, Math.min(free.length, contested))) {
    lp[c] = 1;
    markTop(c);
  }
  for (;;) {
    // The capacity the items outside the LP leave; where they overfill a resource, those of them
    // on it with the least lead enter the LP until it is no longer overfilled.
    const capacity = Float64Array.from(model.capacity);
    const uses = (p: number, apply: (r: number, a: number) => void) => {
      for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++)
        apply(model.useResource[k]!, model.useAmount[k]!);
    };
    for (let c = 0; c < n; c++)
      if (!lp[c] && choice[c]! >= 0) uses(choice[c]!, (r, a) => (capacity[r]! -= a));
    for (const c of free) {
      const p = choice[c]!;
      if (lp[c] || p < 0) continue;
      let over = false;
      uses(p, (r) => (over ||= capacity[r]! < -1e-9));
      if (!over) continue;
      lp[c] = 1;
      markTop(c);
      uses(p, (r, a) => (capacity[r]! += a));
    }
    const inLp = Int32Array.from(free.filter((c) => lp[c]));
    const { sub, full } = restrict(model, inLp, marked, capacity);
    // The first LP gets at least a second, the others what is left before the deadline.
    const left = deadline - performance.now();
    if (result.rounds > 0 && left < 50) return result;
    const limit = result.rounds > 0 ? left : Math.max(left, 1_000);
    const solved = lpBound(highs, sub, new Int32Array(sub.n).fill(-3), limit);
    if (!solved.x) return result;
    const x = new Float64Array(model.pairWeight.length);
    for (let c = 0; c < n; c++) if (!lp[c] && choice[c]! >= 0) x[choice[c]!] = 1;
    for (let q = 0; q < full.length; q++) x[full[q]!] = solved.x[q]!;
    // Pricing: every item's best pair at the LP's prices against where the LP has it.
    let value = 0;
    for (let r = 0; r < model.resources; r++) value += solved.prices[r]! * model.capacity[r]!;
    let added = 0;
    for (let c = 0; c < n; c++) {
      if (fixed[c] !== -3) {
        value +=
          fixed[c]! >= 0 ? reducedWeight(model, solved.prices, fixed[c]!) : -model.penalty[c]!;
        continue;
      }
      const [pair, best] = bestOf(model, solved.prices, c);
      value += best;
      const tolerance = 1e-7 * Math.max(1, Math.abs(best));
      if (!lp[c]) {
        const here =
          choice[c]! >= 0 ? reducedWeight(model, solved.prices, choice[c]!) : -model.penalty[c]!;
        if (best > here + tolerance) {
          lp[c] = 1;
          markTop(c);
          marked[pair >= 0 ? pair : model.pairStart[c]!] = 1;
          added++;
        }
        continue;
      }
      let inside = -model.penalty[c]!;
      for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++)
        if (marked[p]) inside = Math.max(inside, reducedWeight(model, solved.prices, p));
      if (pair >= 0 && !marked[pair] && best > inside + tolerance) {
        marked[pair] = 1;
        added++;
      }
    }
    const better = value < result.bound;
    result = {
      bound: Math.min(result.bound, value),
      prices: better ? solved.prices : result.prices,
      x,
      rounds: result.rounds + 1,
      items: inLp.length,
      columns: full.length,
      converged: added === 0,
    };
    if (added === 0) return result;
    prices = solved.prices;
  }
}

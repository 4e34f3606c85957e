/**
 * The agent structure of a single-resource generalised assignment problem, in dense tables: the
 * ejection-chain search applies only to models of this shape (each pair uses at most one resource,
 * and that resource belongs to the pair's bin alone).
 */
import type { Model } from './model.js';

/** Dense tables of a single-resource GAP, and each item's candidate agents. */
export interface GapShape {
  /** The resource of each bin (agent), −1 when the bin has none (no capacity). */
  resourceOf: Int32Array;
  /** Pair of item c at bin b: pairAt[c · m + b], −1 when not eligible. */
  pairAt: Int32Array;
  /** What pair p uses of its bin's resource. */
  amount: Float64Array;
  /** Candidate bins of item c, best reduced weight first: candidates[c · k … c · k + count[c] − 1]. */
  candidates: Int32Array;
  candidateCount: Int32Array;
  /** Slots per item in `candidates`. */
  k: number;
}

/** Items × bins at most: the dense tables (and the search's member lists) take 4 bytes a cell each. */
const maxCells = 4_000_000;

/**
 * The shape of `model`, or null when it is not a single-resource GAP (a pair with two resources,
 * a resource shared by bins), not every item is free, or items × bins exceeds `maxCells`. Candidate lists hold the `k` best bins of
 * each item by weight less the priced use (the Lagrangian reduced weight).
 */
export function gapShape(
  model: Model,
  free: Uint8Array,
  prices: Float64Array,
  k: number,
): GapShape | null {
  const { n, m, pairStart, pairBin, pairWeight, useStart, useResource, useAmount } = model;
  if (n * m > maxCells || free.some((f) => f !== 1)) return null;
  const resourceOf = new Int32Array(m).fill(-1);
  const owner = new Int32Array(model.resources).fill(-1);
  const P = pairWeight.length;
  const amount = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const uses = useStart[p + 1]! - useStart[p]!;
    if (uses > 1) return null;
    if (uses === 0) continue;
    const r = useResource[useStart[p]!]!;
    const b = pairBin[p]!;
    if (owner[r] !== -1 && owner[r] !== b) return null;
    if (resourceOf[b] !== -1 && resourceOf[b] !== r) return null;
    owner[r] = b;
    resourceOf[b] = r;
    amount[p] = useAmount[useStart[p]!]!;
  }
  const pairAt = new Int32Array(n * m).fill(-1);
  const slots = Math.max(1, Math.min(k, m));
  const candidates = new Int32Array(n * slots);
  const candidateCount = new Int32Array(n);
  const score = (p: number) => {
    const r = resourceOf[pairBin[p]!]!;
    return pairWeight[p]! - (r >= 0 ? prices[r]! * amount[p]! : 0);
  };
  for (let c = 0; c < n; c++) {
    const pairs: number[] = [];
    for (let p = pairStart[c]!; p < pairStart[c + 1]!; p++) {
      pairAt[c * m + pairBin[p]!] = p;
      pairs.push(p);
    }
    pairs.sort((x, y) => score(y) - score(x) || x - y);
    const count = Math.min(slots, pairs.length);
    for (let s = 0; s < count; s++) candidates[c * slots + s] = pairBin[pairs[s]!]!;
    candidateCount[c] = count;
  }
  return { resourceOf, pairAt, amount, candidates, candidateCount, k: slots };
}

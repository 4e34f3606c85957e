/**
 * An exact two-agent neighbourhood for single-resource GAPs (after the very large-scale
 * neighbourhoods of Mitrović-Minić and Punnen, who solve small sub-GAPs exactly): the items of two
 * bins are reassigned between those two bins optimally, by dynamic programming over both bins'
 * loads (integer amounts only). A feasible plan stays feasible, and the objective never falls.
 */
import type { Random } from '@corridor/core';
import type { GapShape } from './gap-shape.js';
import type { PlanState } from './state.js';

/** Table cells (load states of the two bins) above which a pair of bins is skipped. */
const maxStates = 400_000;

/**
 * Repacks pairs of bins in a random order until the deadline, or until a whole round of pairs
 * gains nothing; returns the gain. `state` must be feasible.
 */
export function repackPairs(
  state: PlanState,
  shape: GapShape,
  random: Random,
  deadline: number,
): number {
  const { model } = state;
  const { m, n } = model;
  const bins: number[] = [];
  for (let b = 0; b < m; b++) if (shape.resourceOf[b]! >= 0) bins.push(b);
  const pairs: [number, number][] = [];
  for (let x = 0; x < bins.length; x++)
    for (let y = x + 1; y < bins.length; y++) pairs.push([bins[x]!, bins[y]!]);
  const start = state.objective;
  for (let round = 0; round < 20; round++) {
    let gained = false;
    for (let s = pairs.length - 1; s > 0; s--) {
      const t = random.int(0, s);
      [pairs[s], pairs[t]] = [pairs[t]!, pairs[s]!];
    }
    for (const [a, b] of pairs) {
      if (performance.now() > deadline) return state.objective - start;
      if (repack(state, shape, a, b, n)) gained = true;
    }
    if (!gained) break;
  }
  return state.objective - start;
}

/** Reassigns the items of bins a and b between them optimally; true when the plan improved. */
function repack(state: PlanState, shape: GapShape, a: number, b: number, n: number): boolean {
  const { model } = state;
  const { m, pairWeight: w } = model;
  const { pairAt, amount, resourceOf } = shape;
  const ra = resourceOf[a]!;
  const rb = resourceOf[b]!;
  let capA = model.capacity[ra]!;
  let capB = model.capacity[rb]!;
  const items: number[] = [];
  let current = 0;
  for (let c = 0; c < n; c++) {
    const p = state.pair[c]!;
    if (p < 0) continue;
    const bin = model.pairBin[p]!;
    if (bin !== a && bin !== b) continue;
    const pa = pairAt[c * m + a]!;
    const pb = pairAt[c * m + b]!;
    if (pa >= 0 && pb >= 0 && shape.open[c * m + (bin === a ? b : a)]) {
      items.push(c);
      current += w[p]!;
    } else if (bin === a) capA -= amount[p]!;
    else capB -= amount[p]!;
  }
  if (items.length < 2) return false;
  capA = Math.floor(capA + 1e-9);
  capB = Math.floor(capB + 1e-9);
  const width = capB + 1;
  const cells = (capA + 1) * width;
  if (capA < 0 || capB < 0 || cells > maxStates) return false;
  for (const c of items) {
    const ua = amount[pairAt[c * m + a]!]!;
    const ub = amount[pairAt[c * m + b]!]!;
    if (!Number.isInteger(ua) || !Number.isInteger(ub)) return false;
  }
  // value[la · width + lb]: best weight of the items so far with loads la and lb; choice bits per item.
  let value = new Float64Array(cells).fill(-Infinity);
  let next = new Float64Array(cells);
  value[0] = 0;
  const toA = new Uint8Array(items.length * cells);
  for (let i = 0; i < items.length; i++) {
    const c = items[i]!;
    const pa = pairAt[c * m + a]!;
    const pb = pairAt[c * m + b]!;
    const ua = amount[pa]!;
    const ub = amount[pb]!;
    const wa = w[pa]!;
    const wb = w[pb]!;
    next.fill(-Infinity);
    const bits = i * cells;
    for (let la = 0; la <= capA; la++) {
      const row = la * width;
      for (let lb = 0; lb <= capB; lb++) {
        const v = value[row + lb]!;
        if (v === -Infinity) continue;
        if (la + ua <= capA) {
          const k = row + ua * width + lb;
          if (v + wa > next[k]!) {
            next[k] = v + wa;
            toA[bits + k] = 1;
          }
        }
        if (lb + ub <= capB) {
          const k = row + lb + ub;
          if (v + wb > next[k]!) {
            next[k] = v + wb;
            toA[bits + k] = 0;
          }
        }
      }
    }
    [value, next] = [next, value];
  }
  let bestCell = -1;
  for (let k = 0; k < cells; k++) if (bestCell < 0 || value[k]! > value[bestCell]!) bestCell = k;
  if (bestCell < 0 || value[bestCell]! <= current + 1e-9) return false;
  // Walk the choices back from the best cell, then apply them (leaving first, so loads stay within capacity).
  const target = new Int32Array(items.length);
  let k = bestCell;
  for (let i = items.length - 1; i >= 0; i--) {
    const c = items[i]!;
    if (toA[i * cells + k]) {
      target[i] = a;
      k -= amount[pairAt[c * m + a]!]! * width;
    } else {
      target[i] = b;
      k -= amount[pairAt[c * m + b]!]!;
    }
  }
  for (let i = 0; i < items.length; i++) state.move(items[i]!, -1);
  for (let i = 0; i < items.length; i++) state.move(items[i]!, pairAt[items[i]! * m + target[i]!]!);
  return true;
}

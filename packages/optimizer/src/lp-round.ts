/** A plan from the LP relaxation: pairs the LP takes whole are kept, the rest placed greedily. */
import type { Random } from '@corridor/core';
import type { Classes } from './classes.js';
import { construct } from './search.js';
import type { PlanState } from './state.js';

/**
 * Replaces the free items' places by the LP's integral choices (x_p = 1) and places the items
 * the LP splits with the greedy at the LP's prices. On these models the LP splits few items.
 */
export function roundLp(
  state: PlanState,
  free: Uint8Array,
  x: Float64Array,
  prices: Float64Array,
  random: Random,
): void {
  const { model } = state;
  const rest = new Uint8Array(model.n);
  for (let c = 0; c < model.n; c++) if (free[c]) state.move(c, -1);
  for (let c = 0; c < model.n; c++) {
    if (!free[c]) continue;
    let whole = -1;
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++)
      if (x[p]! > 1 - 1e-6) whole = p;
    if (whole >= 0 && state.fits(whole)) state.move(c, whole);
    else if (whole < 0 && !lpUnplaced(x, model.pairStart[c]!, model.pairStart[c + 1]!)) rest[c] = 1;
  }
  construct(state, prices, rest, random);
}

/** Whether the LP leaves the item wholly unplaced (every pair at 0). */
function lpUnplaced(x: Float64Array, from: number, to: number): boolean {
  let sum = 0;
  for (let p = from; p < to; p++) sum += x[p]!;
  return sum < 1e-6;
}

/**
 * The same from the LP of the class model: a class whose LP value on a pair is v sends ⌊v⌋ of its
 * free items there (as they fit); its other items are placed with the greedy at the LP's prices.
 */
export function roundClassLp(
  state: PlanState,
  free: Uint8Array,
  classes: Classes,
  x: Float64Array,
  prices: Float64Array,
  random: Random,
): void {
  const { model } = state;
  const rest = new Uint8Array(model.n);
  for (let c = 0; c < model.n; c++) if (free[c]) state.move(c, -1);
  // The free items of each class, in order, taken by the class's pairs one after the other.
  const k = classes.count.length;
  const next = new Int32Array(k + 1);
  for (let c = 0; c < model.n; c++) if (free[c]) next[classes.classOf[c]! + 1]!++;
  for (let j = 0; j < k; j++) next[j + 1]! += next[j]!;
  const items = new Int32Array(next[k]!);
  const fill = next.slice(0, k);
  for (let c = 0; c < model.n; c++) if (free[c]) items[fill[classes.classOf[c]!]!++] = c;
  const { pairStart } = classes.model;
  for (let j = 0; j < k; j++) {
    let at = next[j]!;
    const end = next[j + 1]!;
    for (let q = pairStart[j]!; q < pairStart[j + 1]! && at < end; q++) {
      const whole = Math.floor(x[q]! + 1e-6);
      const offset = q - pairStart[j]!;
      for (let t = 0; t < whole && at < end; t++) {
        const c = items[at++]!;
        const p = model.pairStart[c]! + offset;
        if (state.fits(p)) state.move(c, p);
        else rest[c] = 1;
      }
    }
    for (; at < end; at++) rest[items[at]!] = 1;
  }
  construct(state, prices, rest, random);
}

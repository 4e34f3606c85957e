/** Primal heuristics: a price-guided greedy construction and a local search (shift, swap, eject). */
import type { Random } from '@corridor/core';
import type { Model } from './model.js';
import { fitsExchange, type PlanState } from './state.js';

const eps = 1e-9;

/** Weight of pair p less the priced use of its resources. */
export function reducedWeight(model: Model, prices: Float64Array, p: number): number {
  let w = model.pairWeight[p]!;
  for (let k = model.useStart[p]!; k < model.useStart[p + 1]!; k++)
    w -= prices[model.useResource[k]!]! * model.useAmount[k]!;
  return w;
}

/**
 * Places the free items greedily: items with the most to lose (regret between their best and
 * second-best priced pairs) go first, each to its best priced pair that still fits.
 */
export function construct(
  state: PlanState,
  prices: Float64Array,
  free: Uint8Array,
  random: Random,
): void {
  const { model } = state;
  const order: { c: number; regret: number; pairs: number[] }[] = [];
  for (let c = 0; c < model.n; c++) {
    if (!free[c]) continue;
    state.move(c, -1);
    const pairs: number[] = [];
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) pairs.push(p);
    const rw = pairs.map((p) => reducedWeight(model, prices, p) + random.next() * 1e-9);
    const idx = pairs.map((_, k) => k).sort((a, b) => rw[b]! - rw[a]!);
    const best = rw[idx[0]!] ?? -model.penalty[c]!;
    const second = idx.length > 1 ? rw[idx[1]!]! : -model.penalty[c]!;
    order.push({ c, regret: best - second, pairs: idx.map((k) => pairs[k]!) });
  }
  order.sort((a, b) => b.regret - a.regret);
  for (const { c, pairs } of order) {
    for (const p of pairs) {
      if (model.pairWeight[p]! <= -model.penalty[c]!) break;
      if (state.fits(p)) {
        state.move(c, p);
        break;
      }
    }
  }
}

/** Moves single items to better pairs that fit, until none is left. Returns the number of moves. */
function shiftPass(state: PlanState, free: Uint8Array): number {
  const { model } = state;
  let moves = 0;
  for (let c = 0; c < model.n; c++) {
    if (!free[c]) continue;
    const current = state.pair[c]!;
    let bestGain = eps;
    let best = -2;
    const now = state.value(c);
    if (current >= 0 && -model.penalty[c]! - now > bestGain) {
      bestGain = -model.penalty[c]! - now;
      best = -1;
    }
    for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
      if (p === current) continue;
      const gain = model.pairWeight[p]! - now;
      if (gain > bestGain && state.fits(p, current)) {
        bestGain = gain;
        best = p;
      }
    }
    if (best !== -2) {
      state.move(c, best);
      moves++;
    }
  }
  return moves;
}

function itemsByBin(state: PlanState): number[][] {
  const byBin: number[][] = Array.from({ length: state.model.m }, () => []);
  for (let c = 0; c < state.model.n; c++) {
    const p = state.pair[c]!;
    if (p >= 0) byBin[state.model.pairBin[p]!]!.push(c);
  }
  return byBin;
}

function pairTo(model: Model, c: number, bin: number): number {
  for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++)
    if (model.pairBin[p] === bin) return p;
  return -1;
}

/** Exchanges two items between bins when that gains and fits; `budget` caps the checks. */
function swapPass(state: PlanState, free: Uint8Array, budget: number): number {
  const { model } = state;
  const byBin = itemsByBin(state);
  let moves = 0;
  let checks = 0;
  for (let c = 0; c < model.n && checks < budget; c++) {
    const pc = state.pair[c]!;
    if (!free[c] || pc < 0) continue;
    const binC = model.pairBin[pc]!;
    for (let q = model.pairStart[c]!; q < model.pairStart[c + 1]!; q++) {
      const binD = model.pairBin[q]!;
      if (binD === binC) continue;
      const list = byBin[binD]!;
      let done = false;
      for (let k = 0; k < list.length && checks < budget; k++) {
        const d = list[k]!;
        if (!free[d] || d === c) continue;
        const pd = state.pair[d]!;
        if (pd < 0 || model.pairBin[pd] !== binD) continue;
        const r = pairTo(model, d, binC);
        checks++;
        if (r < 0) continue;
        const gain =
          model.pairWeight[q]! +
          model.pairWeight[r]! -
          model.pairWeight[pc]! -
          model.pairWeight[pd]!;
        if (gain > eps && fitsExchange(state, [pc, pd], [q, r])) {
          state.move(c, -1);
          state.move(d, -1);
          state.move(c, q);
          state.move(d, r);
          list[k] = c;
          const own = byBin[binC]!;
          own[own.indexOf(c)] = d;
          moves++;
          done = true;
          break;
        }
      }
      if (done) break;
    }
  }
  return moves;
}

/**
 * Moves an item to a better pair whose bin is full by moving one item of that bin elsewhere (an
 * ejection chain of two); unplaced items are placed the same way.
 */
function ejectPass(state: PlanState, free: Uint8Array, budget: number): number {
  const { model } = state;
  const byBin = itemsByBin(state);
  let moves = 0;
  let checks = 0;
  for (let c = 0; c < model.n && checks < budget; c++) {
    if (!free[c]) continue;
    const pc = state.pair[c]!;
    const now = state.value(c);
    let best: { q: number; d: number; r: number; gain: number } | undefined;
    for (let q = model.pairStart[c]!; q < model.pairStart[c + 1]!; q++) {
      if (q === pc || model.pairWeight[q]! <= now + eps) continue;
      const bin = model.pairBin[q]!;
      for (const d of byBin[bin]!) {
        if (!free[d] || d === c) continue;
        const pd = state.pair[d]!;
        for (let r = model.pairStart[d]!; r < model.pairStart[d + 1]!; r++) {
          if (r === pd || model.pairBin[r] === bin) continue;
          checks++;
          const gain = model.pairWeight[q]! - now + model.pairWeight[r]! - model.pairWeight[pd]!;
          if (gain > (best?.gain ?? eps) && fitsExchange(state, pc >= 0 ? [pc, pd] : [pd], [q, r]))
            best = { q, d, r, gain };
        }
      }
    }
    if (best) {
      const binC = pc >= 0 ? model.pairBin[pc]! : -1;
      const binQ = model.pairBin[best.q]!;
      const binR = model.pairBin[best.r]!;
      state.move(best.d, -1);
      state.move(c, -1);
      state.move(c, best.q);
      state.move(best.d, best.r);
      if (binC >= 0) byBin[binC]!.splice(byBin[binC]!.indexOf(c), 1);
      byBin[binQ]!.splice(byBin[binQ]!.indexOf(best.d), 1, c);
      byBin[binR]!.push(best.d);
      moves++;
    }
  }
  return moves;
}

/** Unplaces a random share of the free items (a kick), to be rebuilt and improved again. */
export function perturb(
  state: PlanState,
  free: Uint8Array,
  share: number,
  random: Random,
): Uint8Array {
  const kicked = new Uint8Array(state.model.n);
  for (let c = 0; c < state.model.n; c++) {
    if (free[c] && random.chance(share)) {
      state.move(c, -1);
      kicked[c] = 1;
    }
  }
  return kicked;
}

/** Improves the plan until no shift, swap or ejection gains anything (or a budget or the deadline runs out). */
export function localSearch(
  state: PlanState,
  free: Uint8Array,
  swapBudget: number,
  deadline = Infinity,
): void {
  for (let round = 0; round < 50; round++) {
    // Checked between rounds: on a large instance one round takes a second or more.
    if (round > 0 && performance.now() > deadline) return;
    let moves = shiftPass(state, free);
    moves += ejectPass(state, free, swapBudget);
    if (moves === 0) moves += swapPass(state, free, swapBudget);
    if (moves === 0) return;
  }
}

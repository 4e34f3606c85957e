/**
 * Tabu search through infeasible plans (strategic oscillation): single-item shifts scored by
 * weight minus adaptive penalties on capacity excess; the best feasible plan is kept.
 */
import type { Random } from '@corridor/core';
import type { PlanState } from './state.js';

/** When the search stops: iterations (the deterministic knob), a clock deadline, stagnation. */
export interface TabuLimits {
  maxIterations: number;
  /** `performance.now()` value after which the search stops. */
  deadline: number;
  /** Called every 1,024 moves with the best objective so far; returning false stops the search. */
  report: (moves: number, best: number) => boolean;
  /** Iterations without a better feasible plan before restarting from the best one; the third
   * restart in a row ends the search. */
  patience: number;
  /** Restarts from the best plan in a row before the search ends (default 3; 1: no restart). */
  restarts?: number;
  /** Stop once a feasible plan reaches this objective (the proved bound). */
  stopAt?: number;
}

const eps = 1e-9;
/** Per-move factors of a resource's penalty while it is over capacity, and while it is not. */
const raise = 1.3;
const relax = 0.9;

/**
 * Improves the feasible plan in `state` and leaves the best feasible plan found in it; `prices`
 * (the LP's duals or Lagrange multipliers) set each penalty's floor. Returns the moves made.
 */
export function tabuSearch(
  state: PlanState,
  free: Uint8Array,
  random: Random,
  limits: TabuLimits,
  prices: Float64Array = new Float64Array(state.model.resources),
): number {
  const { model } = state;
  const { pairStart, pairWeight, useStart, useResource, useAmount, capacity, penalty } = model;
  const P = pairWeight.length;
  const R = model.resources;
  const usage = state.usage;
  const items = Int32Array.from({ length: model.n }, (_, c) => c).filter(
    (c) => free[c] === 1 && pairStart[c + 1]! > pairStart[c]!,
  );
  if (items.length === 0 || R === 0) return 0;

  // Penalty per unit of excess starts at the mean weight per unit of use, then adapts.
  let weightSum = 0;
  let useSum = 0;
  for (let p = 0; p < P; p++) weightSum += Math.abs(pairWeight[p]!);
  for (let k = 0; k < useAmount.length; k++) useSum += useAmount[k]!;
  const base = useSum > 0 ? Math.max(weightSum / useSum, eps) : 1;
  // A penalty never drops below twice the resource's price: cheaper excess only wanders.
  const floor = Float64Array.from(prices, (p) => Math.max(2 * p, base * 1e-3));
  const alpha = Float64Array.from(floor, (f) => Math.max(f, base));
  const stamp = new Int32Array(R).fill(-1);
  const removed = new Float64Array(R);
  // Leaving pair p (index P + c: leaving "unplaced") is tabu until this iteration.
  const tabuUntil = new Int32Array(P + model.n);
  const tenureSpan = Math.max(3, Math.round(Math.sqrt(items.length)));

  let excessTotal = 0;
  for (let r = 0; r < R; r++) excessTotal += Math.max(0, usage[r]! - capacity[r]!);
  let best = state.snapshot();
  let bestObjective = excessTotal <= eps ? state.objective : -Infinity;
  let sinceBest = 0;
  let restarts = 0;
  let iteration = 0;

  for (; iteration < limits.maxIterations; iteration++) {
    if ((iteration & 63) === 0 && performance.now() > limits.deadline) break;
    if ((iteration & 1023) === 1023 && !limits.report(iteration, bestObjective)) break;
    let bestDelta = -Infinity;
    let moveItem = -1;
    let movePair = -2;
    let moveRaw = 0;
    const offset = random.int(0, items.length - 1);
    for (let s = 0; s < items.length; s++) {
      const c = items[(s + offset) % items.length]!;
      const cur = state.pair[c]!;
      const now = cur >= 0 ? pairWeight[cur]! : -penalty[c]!;
      let removeW = 0;
      let removeRaw = 0;
      if (cur >= 0) {
        for (let k = useStart[cur]!; k < useStart[cur + 1]!; k++) {
          const r = useResource[k]!;
          const a = useAmount[k]!;
          stamp[r] = c;
          removed[r] = a;
          const before = Math.max(0, usage[r]! - capacity[r]!);
          const after = Math.max(0, usage[r]! - a - capacity[r]!);
          removeW += alpha[r]! * (after - before);
          removeRaw += after - before;
        }
      }
      const end = pairStart[c + 1]!;
      for (let q = pairStart[c]! - 1; q < end; q++) {
        // q = pairStart − 1 stands for "unplaced".
        const target = q < pairStart[c]! ? -1 : q;
        if (target === cur) continue;
        let w = target >= 0 ? pairWeight[target]! : -penalty[c]!;
        let raw = removeRaw;
        let delta = w - now - removeW;
        if (target >= 0) {
          for (let k = useStart[target]!; k < useStart[target + 1]!; k++) {
            const r = useResource[k]!;
            const u = stamp[r] === c ? usage[r]! - removed[r]! : usage[r]!;
            const grow =
              Math.max(0, u + useAmount[k]! - capacity[r]!) - Math.max(0, u - capacity[r]!);
            delta -= alpha[r]! * grow;
            raw += grow;
          }
        }
        if (delta <= bestDelta) continue;
        const tabu = tabuUntil[target >= 0 ? target : P + c]! > iteration;
        if (tabu) {
          // Aspiration: a tabu move is allowed when it yields a new best feasible plan.
          w = state.objective + w - now;
          if (!(excessTotal + raw <= eps && w > bestObjective + eps)) continue;
        }
        bestDelta = delta;
        moveItem = c;
        movePair = target;
        moveRaw = raw;
      }
      if (cur >= 0)
        for (let k = useStart[cur]!; k < useStart[cur + 1]!; k++) stamp[useResource[k]!] = -1;
    }
    if (moveItem < 0) break;
    const from = state.pair[moveItem]!;
    tabuUntil[from >= 0 ? from : P + moveItem] = iteration + 1 + random.int(1, tenureSpan);
    state.move(moveItem, movePair);
    excessTotal = Math.max(0, excessTotal + moveRaw);
    if (excessTotal <= eps && state.objective > bestObjective + eps) {
      bestObjective = state.objective;
      best = state.snapshot();
      sinceBest = 0;
      restarts = 0;
      if (bestObjective >= (limits.stopAt ?? Infinity) - eps) {
        iteration++;
        break;
      }
    } else if (++sinceBest > limits.patience) {
      if (++restarts >= (limits.restarts ?? 3)) break;
      state.restore(best);
      excessTotal = 0;
      for (let r = 0; r < R; r++) alpha[r] = Math.max(floor[r]!, base);
      sinceBest = 0;
    }
    for (let r = 0; r < R; r++) {
      if (usage[r]! > capacity[r]! + eps) alpha[r]! *= raise;
      else alpha[r] = Math.max(floor[r]!, alpha[r]! * relax);
    }
  }
  state.restore(best);
  return iteration;
}

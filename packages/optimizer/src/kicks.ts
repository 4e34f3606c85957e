/** Iterated local search: kick part of the best plan, rebuild at noisy prices, improve. */
import type { Random } from '@corridor/core';
import { construct, localSearch, perturb } from './search.js';
import type { PlanState } from './state.js';

/** When the kicks stop: a round limit (the deterministic knob), stagnation, a clock deadline. */
export interface KickLimits {
  maxKicks: number;
  /** Rounds without improvement before stopping. */
  patience: number;
  /** `performance.now()` value after which no new round starts. */
  deadline: number;
  swapBudget: number;
  /** Called after every round with the best objective so far; returning false stops the search. */
  report: (rounds: number, best: number) => boolean;
}

/** Improves the plan in `state` and leaves the best one found in it; returns the rounds run. */
export function iteratedLocalSearch(
  state: PlanState,
  free: Uint8Array,
  prices: Float64Array,
  random: Random,
  limits: KickLimits,
): number {
  const noisy = new Float64Array(prices.length);
  let best = state.snapshot();
  let bestObjective = state.objective;
  let stale = 0;
  let round = 0;
  for (; round < limits.maxKicks && stale < limits.patience; round++) {
    if (performance.now() > limits.deadline) break;
    state.restore(best);
    const kicked = perturb(state, free, 0.05 + 0.15 * random.next(), random);
    for (let r = 0; r < prices.length; r++) noisy[r] = prices[r]! * (0.5 + random.next());
    construct(state, noisy, kicked, random);
    localSearch(state, free, limits.swapBudget, limits.deadline);
    if (state.objective > bestObjective + 1e-9) {
      bestObjective = state.objective;
      best = state.snapshot();
      stale = 0;
    } else {
      stale++;
    }
    if (!limits.report(round, bestObjective)) break;
  }
  state.restore(best);
  return round;
}

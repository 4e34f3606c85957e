/**
 * Tabu search that uses its whole time: an elite set of the best distinct plans, and from each
 * stagnation a new start on the path between two elite plans (path relinking: the first plan with
 * part of the items it disagrees on moved to the second plan's bins, capacities ignored), which the
 * tabu search's strategic oscillation then repairs and improves (on a single-resource GAP the
 * ejection-chain search, `ejection.ts`, does each run instead). It ends at the deadline, at the
 * move limit, or when a plan reaches the proved bound.
 */
import type { Random } from '@corridor/core';
import { EjectionChains } from './ejection.js';
import { gapShape } from './gap-shape.js';
import { localSearch } from './search.js';
import type { PlanState } from './state.js';
import { tabuSearch } from './tabu.js';

/** When the search stops. */
export interface RelinkLimits {
  /** Tabu moves at most, over every run (the deterministic knob). */
  maxMoves: number;
  deadline: number;
  /** Moves without a better plan before a run ends and the next start is made. */
  patience: number;
  /** The proved bound: a plan that reaches it ends the search. */
  stopAt: () => number;
  /** Checks per swap and ejection pass of the local search that polishes each run's plan. */
  swapBudget: number;
  /** Called now and then with the moves made and the best objective; false stops the search. */
  report: (moves: number, best: number) => boolean;
  /**
   * On a single-resource GAP, runs are ejection-chain searches (`ejection.ts`) with this many
   * candidate bins per item, ending after `chainPatience` local optima without a better plan;
   * 0 candidates: tabu search runs everywhere.
   */
  chainCandidates: number;
  chainPatience: number;
}

interface Elite {
  pairs: Int32Array;
  objective: number;
}

const eliteSize = 8;

/** Whether every resource is within its capacity. */
function feasible(state: PlanState): boolean {
  const { capacity } = state.model;
  for (let r = 0; r < capacity.length; r++) if (state.usage[r]! > capacity[r]! + 1e-9) return false;
  return true;
}

function same(a: Int32Array, b: Int32Array): boolean {
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

/** Improves the feasible plan in `state`; leaves the best plan found in it; returns the moves made. */
export function relinkSearch(
  state: PlanState,
  free: Uint8Array,
  random: Random,
  limits: RelinkLimits,
  prices: Float64Array,
): number {
  const elite: Elite[] = [{ pairs: state.snapshot(), objective: state.objective }];
  const offer = () => {
    if (!feasible(state)) return;
    const pairs = state.pair;
    if (elite.some((e) => Math.abs(e.objective - state.objective) < 1e-9 && same(e.pairs, pairs)))
      return;
    if (elite.length >= eliteSize && state.objective <= elite[elite.length - 1]!.objective) return;
    elite.push({ pairs: state.snapshot(), objective: state.objective });
    elite.sort((a, b) => b.objective - a.objective);
    if (elite.length > eliteSize) elite.pop();
  };
  let moves = 0;
  let stopped = false;
  const items = Int32Array.from({ length: state.model.n }, (_, c) => c).filter((c) => free[c]);
  const shape =
    limits.chainCandidates > 0 ? gapShape(state.model, free, prices, limits.chainCandidates) : null;
  const chains = shape ? new EjectionChains(state, shape, prices, random) : null;
  const report = (m: number, best: number) => {
    stopped = !limits.report(moves + m, Math.max(best, elite[0]!.objective));
    return !stopped;
  };
  for (let run = 0; moves < limits.maxMoves; run++) {
    if (performance.now() > limits.deadline || elite[0]!.objective >= limits.stopAt() - 1e-9) break;
    if (run > 0) restartFrom(state, elite, items, random);
    moves += chains
      ? chains.run({
          maxMoves: limits.maxMoves - moves,
          deadline: limits.deadline,
          patience: limits.chainPatience,
          stopAt: limits.stopAt(),
          report,
        })
      : tabuSearch(
          state,
          free,
          random,
          {
            maxIterations: limits.maxMoves - moves,
            deadline: limits.deadline,
            patience: limits.patience,
            restarts: 1,
            stopAt: limits.stopAt(),
            report,
          },
          prices,
        );
    // The tabu search shifts one item at a time; swaps and two-item ejections polish its plan.
    if (feasible(state)) localSearch(state, free, limits.swapBudget, limits.deadline);
    offer();
    if (stopped) break;
  }
  state.restore(elite[0]!.pairs);
  return moves;
}

/**
 * The next start: between two elite plans (a share of the items they disagree on moved from the
 * first to the second's pair), or with one elite plan a random tenth of the items moved.
 */
function restartFrom(state: PlanState, elite: Elite[], items: Int32Array, random: Random): void {
  const { model } = state;
  const a = elite[random.int(0, elite.length - 1)]!;
  state.restore(a.pairs);
  const others = elite.filter((e) => e !== a);
  if (others.length > 0) {
    const b = others[random.int(0, others.length - 1)]!;
    const share = 0.3 + 0.4 * random.next();
    for (const c of items)
      if (a.pairs[c] !== b.pairs[c] && random.chance(share)) state.move(c, b.pairs[c]!);
    return;
  }
  for (const c of items) {
    if (!random.chance(0.1)) continue;
    const from = model.pairStart[c]!;
    const to = model.pairStart[c + 1]!;
    if (to > from) state.move(c, random.int(from, to - 1));
  }
}

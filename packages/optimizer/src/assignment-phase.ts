/**
 * The engine's proof: the assignment relaxation's bound (subgradient from the capacity prices),
 * Lagrangian-heuristic plans from its knapsack choices, and on small instances branch and bound.
 */
import type { Random } from '@corridor/core';
import { optimiseMultipliers } from './assignment-bound.js';
import { AssignmentRelaxation } from './assignment-relaxation.js';
import { branchAndBound } from './branch.js';
import { construct, localSearch } from './search.js';
import type { PlanState } from './state.js';

/** What the phase needs from `solve`. */
export interface AssignmentPhaseInput {
  state: PlanState;
  free: Uint8Array;
  fixed: Int32Array;
  /** Resource prices of the capacity relaxation (or the LP's duals): the starting multipliers. */
  prices: Float64Array;
  random: Random;
  deadline: number;
  /** When branch and bound gives up (the search then has the rest of the time). */
  branchDeadline: number;
  /** Every plan's objective is an integer (bounds round down). */
  integral: boolean;
  iterations: number;
  branch: boolean;
  branchNodes: number;
  swapBudget: number;
  /** The best objective so far. */
  best: () => number;
  /** Offers the plan in `state`; true when it is the best so far. */
  keep: () => boolean;
  /** Puts the best plan back into `state`. */
  restoreBest: () => void;
}

/** The bound found and whether the best plan is proved optimal. */
export interface AssignmentPhaseResult {
  bound: number;
  proved: boolean;
  nodes: number;
  iterations: number;
}

/** Runs the phase; returns bound Infinity when the model has no bin with a resource of its own. */
export function assignmentPhase(input: AssignmentPhaseInput): AssignmentPhaseResult {
  const { state, free, fixed, deadline } = input;
  const { model } = state;
  const relax = new AssignmentRelaxation(model, input.branch);
  const none = { bound: Infinity, proved: false, nodes: 0, iterations: 0 };
  if (!relax.useful) return none;
  const restriction = { allowed: new Uint8Array(model.pairWeight.length).fill(1), forced: fixed };
  const start = relax.fromPrices(input.prices, restriction);
  const cutoff = () =>
    input.integral
      ? input.best() + 1 - 1e-6
      : input.best() + 1e-9 * Math.max(1, Math.abs(input.best()));
  const run = optimiseMultipliers(relax, restriction, start, input.best(), {
    maxIterations: input.iterations,
    deadline,
    // The capacity prices already give about the LP bound: small steps keep it from being lost.
    theta: 0.1,
    stall: 10,
    // With branch and bound to follow, the root stops once the steps are small.
    minTheta: input.branch ? 0.01 : 1e-4,
    cutoff: cutoff(),
    onEvaluate: (iteration) => {
      if (iteration % (iteration < 100 ? 10 : 50) !== 9) return;
      planFromChoice(relax, input);
      localSearch(state, free, input.swapBudget, deadline);
      if (!input.keep()) input.restoreBest();
    },
  });
  // Locked pairs alone overfill a knapsack: the plan breaks a capacity anyway, so this relaxation
  // says nothing about it (the capacity relaxation's bound stands).
  if (run.bound === -Infinity) return { ...none, iterations: run.iterations };
  if (run.bound <= cutoff() || !input.branch) {
    return {
      bound: run.bound,
      proved: run.bound <= cutoff(),
      nodes: 0,
      iterations: run.iterations,
    };
  }
  const outcome = branchAndBound(relax, restriction, run.mu, input.best(), {
    deadline: input.branchDeadline,
    maxNodes: input.branchNodes,
    integral: input.integral,
    nodeIterations: 25,
  });
  if (outcome.pairs) {
    state.restore(outcome.pairs);
    if (!input.keep()) input.restoreBest();
  }
  return {
    bound: outcome.proved ? input.best() : run.bound,
    proved: outcome.proved,
    nodes: outcome.nodes,
    iterations: run.iterations,
  };
}

/** A plan from the relaxation's knapsack choices: each item at its best chosen copy, then greedy. */
function planFromChoice(relax: AssignmentRelaxation, input: AssignmentPhaseInput): void {
  const { state, free } = input;
  const { model } = state;
  const rest = new Uint8Array(model.n);
  for (let c = 0; c < model.n; c++) if (free[c]) state.move(c, -1);
  // Items chosen once first: they conflict with no other copy of themselves.
  for (const once of [true, false]) {
    for (let c = 0; c < model.n; c++) {
      if (!free[c] || relax.count[c] === 0 || (relax.count[c] === 1) !== once) continue;
      let pick = -1;
      for (let p = model.pairStart[c]!; p < model.pairStart[c + 1]!; p++) {
        if (
          relax.x[p] &&
          state.fits(p) &&
          (pick < 0 || model.pairWeight[p]! > model.pairWeight[pick]!)
        )
          pick = p;
      }
      if (pick >= 0) state.move(c, pick);
    }
  }
  for (let c = 0; c < model.n; c++) if (free[c] && state.pair[c]! < 0) rest[c] = 1;
  construct(state, input.prices, rest, input.random);
}

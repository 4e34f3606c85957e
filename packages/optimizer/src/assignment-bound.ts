/** Subgradient optimisation of the assignment relaxation's multipliers (Polyak steps). */
import { polyakGap } from './lagrangian.js';
import type { AssignmentRelaxation, Multipliers, Restriction } from './assignment-relaxation.js';

/** How long one run of the subgradient goes on. */
export interface SubgradientLimits {
  maxIterations: number;
  /** `performance.now()` value after which it stops. */
  deadline: number;
  /** Starting step factor (Polyak's θ), halved after `stall` iterations without a better bound. */
  theta: number;
  stall: number;
  /** Stop once θ falls below this (default 1e-4). */
  minTheta?: number;
  /** Stop as soon as the bound is at most this (the subproblem cannot beat the incumbent). */
  cutoff: number;
  /** Called after each evaluation (the relaxation's x is current); used for primal heuristics. */
  onEvaluate?: (iteration: number, value: number) => void;
}

/** The best bound found and the multipliers that gave it. */
export interface SubgradientRun {
  bound: number;
  mu: Multipliers;
  iterations: number;
}

/** Copies multipliers. */
export function copyMultipliers(mu: Multipliers): Multipliers {
  return { item: mu.item.slice(), resource: mu.resource.slice() };
}

/**
 * Minimises the relaxation's value over the multipliers from `start` towards `target` (the best
 * known objective). The relaxation is left evaluated at the best multipliers found.
 */
export function optimiseMultipliers(
  relax: AssignmentRelaxation,
  restriction: Restriction,
  start: Multipliers,
  target: number,
  limits: SubgradientLimits,
): SubgradientRun {
  const { model } = relax;
  const mu = copyMultipliers(start);
  let best: SubgradientRun = { bound: Infinity, mu: copyMultipliers(start), iterations: 0 };
  let theta = limits.theta;
  let stall = 0;
  let iteration = 0;
  let lastIsBest = false;
  for (; iteration < limits.maxIterations; iteration++) {
    const value = relax.evaluate(mu, restriction);
    limits.onEvaluate?.(iteration, value);
    if (value < best.bound - 1e-9) {
      best = { bound: value, mu: copyMultipliers(mu), iterations: iteration + 1 };
      stall = 0;
      lastIsBest = true;
    } else {
      lastIsBest = false;
      if (++stall >= limits.stall) {
        theta /= 2;
        stall = 0;
      }
    }
    if (value === -Infinity || best.bound <= limits.cutoff || theta < (limits.minTheta ?? 1e-4))
      break;
    if (performance.now() > limits.deadline) break;
    let norm = 0;
    for (let c = 0; c < model.n; c++) {
      if (restriction.forced[c] !== -3) continue;
      const g = 1 - relax.count[c]!;
      if (g < 0 || mu.item[c]! > 0) norm += g * g;
    }
    for (let r = 0; r < model.resources; r++) {
      if (!relax.priced[r]) continue;
      const g = model.capacity[r]! - relax.pricedUse[r]!;
      if (g < 0 || mu.resource[r]! > 0) norm += g * g;
    }
    // No violated row and no slack with a positive multiplier: the relaxation's choice is optimal.
    if (norm === 0) break;
    const gap = polyakGap(value, target);
    const t = (theta * gap) / norm;
    for (let c = 0; c < model.n; c++) {
      if (restriction.forced[c] !== -3) continue;
      mu.item[c] = Math.max(0, mu.item[c]! - t * (1 - relax.count[c]!));
    }
    for (let r = 0; r < model.resources; r++) {
      if (!relax.priced[r]) continue;
      mu.resource[r] = Math.max(
        0,
        mu.resource[r]! - t * (model.capacity[r]! - relax.pricedUse[r]!),
      );
    }
  }
  if (!lastIsBest && best.bound > -Infinity) relax.evaluate(best.mu, restriction);
  best.iterations = iteration;
  return best;
}

/** `solve`: the engine behind allocation, timetable and joint planning. Pure and total. */
import { createRandom } from '@corridor/core';
import { InstanceError, validateInstance, type Instance } from './instance.js';
import { compile, pairOf, type Model } from './model.js';
import { defaultOptions, type SolveOptions } from './options.js';
import { report } from './report.js';
import type { SolveResult, SolveStats, SolveStatus } from './result.js';
import { construct, localSearch } from './search.js';
import { iteratedLocalSearch } from './kicks.js';
import { roundClassLp, roundLp } from './lp-round.js';
import { classify } from './classes.js';
import { columnLp } from './lp-columns.js';
import { relinkSearch } from './relink.js';
import { PlanState } from './state.js';
import { Subgradient } from './lagrangian.js';
import { lpBound, solveExact } from './highs-model.js';
import { assignmentPhase } from './assignment-phase.js';

/** Fixed pair per contracted item: −3 free, −1 fixed unplaced, ≥ 0 fixed pair. */
function fixedPairs(model: Model, locks: ReadonlyMap<number, number>): Int32Array {
  const fixed = new Int32Array(model.n).fill(-3);
  for (const [item, bin] of locks) {
    const c = model.itemOf[item];
    if (c === undefined) continue;
    fixed[c] = bin < 0 ? -1 : pairOf(model, c, bin);
    if (bin >= 0 && fixed[c] === -1) fixed[c] = -1;
  }
  return fixed;
}

function addKeepBonus(model: Model, warm: ArrayLike<number> | null, bonus: number): void {
  if (!warm || bonus === 0) return;
  for (let c = 0; c < model.n; c++) {
    const bin = warm[model.members[c]![0]!];
    if (bin === undefined || bin < 0) continue;
    const p = pairOf(model, c, bin);
    if (p >= 0) model.pairWeight[p]! += bonus * model.members[c]!.length;
  }
}

function integral(model: Model): boolean {
  return model.pairWeight.every(Number.isInteger) && model.penalty.every(Number.isInteger);
}

/**
 * Solves an instance: Lagrangian relaxation for the bound and prices, greedy construction and
 * local search at the prices for the plan, and, with HiGHS given, an exact MIP on small
 * instances. Throws only `InstanceError`, for an instance `validateInstance` rejects.
 */
export function solve(instance: Instance, options: SolveOptions = {}): SolveResult {
  const o = { ...defaultOptions, ...options };
  // The time limit counts from here: checking and compiling a large instance take seconds too.
  const t0 = performance.now();
  const problems = validateInstance(instance);
  if (problems.length > 0) throw new InstanceError(problems);
  const random = createRandom(o.seed);
  const model = compile(instance);
  addKeepBonus(model, o.warmStart, o.changePenalty);
  const fixed = fixedPairs(model, o.locks);
  const free = Uint8Array.from(fixed, (f) => (f === -3 ? 1 : 0));
  const state = new PlanState(model);
  for (let c = 0; c < model.n; c++) if (fixed[c]! >= 0) state.move(c, fixed[c]!);
  if (o.warmStart) {
    for (let c = 0; c < model.n; c++) {
      const bin = o.warmStart[model.members[c]![0]!] ?? -1;
      const p = free[c] && bin >= 0 ? pairOf(model, c, bin) : -1;
      if (p >= 0 && state.fits(p)) state.move(c, p);
    }
  }
  const zero = new Float64Array(model.resources);
  const warmFree = o.warmStart
    ? Uint8Array.from(free, (f, c) => (f && state.pair[c]! < 0 ? 1 : 0))
    : free;
  // Alike items (a class: same pairs, weights, uses, penalty) are counted once in the bound:
  // the Lagrangian's passes and the LP run on the class model when it is much smaller.
  const classes = classify(model, fixed);
  const bounding = classes ?? { model, count: null, fixed };
  const sub = new Subgradient(bounding.model, bounding.count);
  // Too large for one LP and no class model under the limit: the LP by rows and columns as needed
  // (`columnLp`), whose rounding replaces the first plan: that one is built at the prices it starts from.
  const lpFits =
    (model.pairWeight.length <= o.lpPairLimit ? model : (classes?.model ?? model)).pairWeight
      .length <= o.lpPairLimit;
  const columnNext = Boolean(o.highs) && !lpFits && model.pairWeight.length <= o.columnPairLimit;
  const columnFirst = columnNext && !o.warmStart;
  if (!columnFirst) construct(state, zero, warmFree, random);
  const swapBudget = Math.max(20_000, 4_000_000 / Math.max(1, model.n));
  // A small instance goes to the HiGHS MIP (with HiGHS) or to the engine's branch and bound; up to
  // `assignmentPairLimit` pairs the assignment relaxation bounds it before the search.
  const exactNext = Boolean(o.highs) && model.pairWeight.length <= o.exactPairLimit;
  const assignmentNext = !exactNext && model.pairWeight.length <= o.assignmentPairLimit;
  const branchNext = assignmentNext && model.pairWeight.length <= o.branchPairLimit;
  // On a larger instance without a previous plan the prices converge first (a step costs one
  // pass over the pairs, a rebuild with local search far more), then one rebuild at them.
  const pricesFirst = assignmentNext && !branchNext && !o.warmStart;
  if (!pricesFirst && !columnFirst) localSearch(state, free, swapBudget);
  let best = state.snapshot();
  let bestObjective = state.objective;

  const roundDown = integral(model);
  const gapOf = (bound: number) => (bound - bestObjective) / Math.max(1, Math.abs(bound));
  // The assignment relaxation's bound when it is computed (at most the capacity relaxation's).
  let assignmentBound = Infinity;
  let proved = false;
  const rawBound = () => Math.min(sub.bound, assignmentBound);
  const effectiveBound = () => (roundDown ? Math.floor(rawBound() + 1e-6) : rawBound());
  const keep = () => {
    if (state.objective > bestObjective + 1e-9) {
      bestObjective = state.objective;
      best = state.snapshot();
      return true;
    }
    return false;
  };
  // The LP relaxation (HiGHS) is the best Lagrangian bound of this relaxation, its duals are the
  // best prices, and on these models it splits few items: rounding it is often optimal.
  // Up to `lpPairLimit` pairs the LP of the items (its rounding, split items and all, is what the
  // HiGHS MIP of a small instance starts from); above it the LP of the classes if they are fewer.
  let lpUsed = false;
  const lpModel = model.pairWeight.length <= o.lpPairLimit ? null : classes;
  if (o.highs && (lpModel?.model ?? model).pairWeight.length <= o.lpPairLimit) {
    const lp = lpBound(
      o.highs,
      lpModel?.model ?? model,
      lpModel?.fixed ?? fixed,
      Math.max(100, o.timeLimitMs - (performance.now() - t0)),
      lpModel?.count ?? null,
    );
    if (Number.isFinite(lp.bound)) {
      sub.start(lp.bound, lp.prices);
      lpUsed = true;
    }
    if (lp.x) {
      if (lpModel) roundClassLp(state, free, lpModel, lp.x, lp.prices, random);
      else roundLp(state, free, lp.x, lp.prices, random);
      localSearch(state, free, swapBudget);
      if (!keep()) state.restore(best);
    }
  } else if (o.highs && columnNext) {
    // Subgradient steps bring the prices near the LP optimum's, then the LP of the items they
    // leave in doubt (see `columnLp`); the search gets what is left after it.
    const priced = t0 + 0.3 * o.columnLpShare * o.timeLimitMs;
    for (let i = 0; i < 60 && (i < 20 || performance.now() < priced); i++)
      sub.step(bestObjective, bounding.fixed);
    construct(state, sub.bestPrices, warmFree, random);
    keep();
    const lp = columnLp(
      o.highs,
      model,
      fixed,
      sub.bestPrices,
      t0 + o.columnLpShare * o.timeLimitMs,
    );
    // Its bound is the Lagrangian value at the LP's prices: kept where it beats the steps' own.
    if (lp.bound < sub.bound) {
      sub.start(lp.bound, lp.prices);
      lpUsed = true;
    }
    if (lp.x) {
      roundLp(state, free, lp.x, lp.prices, random);
      localSearch(state, free, swapBudget, t0 + o.timeLimitMs);
      if (!keep()) state.restore(best);
    }
  }
  // A small instance goes to the HiGHS MIP after this, which starts from the best plan and proves it;
  // the others are improved by tabu search (moderate size) or iterated local search (large).
  // With the LP's bound in hand the subgradient cannot improve the bound (the LP optimum is the
  // best Lagrangian bound), and on a small instance the MIP does the rest of the search: it then
  // starts from the rounded LP plan (measured on the camp timetable: 0.8 s instead of 1.5 s for
  // the MIP alone, as the plan the Lagrangian rebuilds improve leads HiGHS down a longer path).
  // The assignment relaxation (below) gives the bound where it applies: the capacity relaxation
  // only warms its multipliers up then.
  const lagrangianIterations =
    lpUsed && (exactNext || columnNext)
      ? 0
      : branchNext
        ? Math.min(o.maxIterations, 60)
        : o.maxIterations;
  // Where a search follows, the capacity relaxation (bound, prices, price-guided rebuilds) may
  // take two fifths of the time; the rest is the search's.
  const lagrangianShare = exactNext || branchNext ? 1 : 0.4;
  // On a class model a step is cheap next to a rebuild of every item: rebuild less often.
  const rebuildAt = (i: number) =>
    !pricesFirst && (classes ? i % 100 === 99 : i % (i < 100 ? 10 : 50) === 9);
  let iterations = 0;
  let stopped = false;
  let bestBoundSeen = Infinity;
  let lastBoundGain = 0;
  for (; iterations < lagrangianIterations; iterations++) {
    sub.step(bestObjective, bounding.fixed);
    if (gapOf(effectiveBound()) <= o.targetGap || sub.exhausted) break;
    if (sub.bound < bestBoundSeen - 1e-4 * Math.max(1, Math.abs(sub.bound))) {
      bestBoundSeen = sub.bound;
      lastBoundGain = iterations;
    }
    if (iterations - lastBoundGain > 150) break;
    if (rebuildAt(iterations)) {
      state.restore(best);
      construct(state, sub.prices, free, random);
      localSearch(state, free, swapBudget, t0 + o.timeLimitMs);
      keep();
    }
    if (iterations % 25 === 0) {
      const more = o.progress?.({
        phase: 'lagrangian',
        iteration: iterations,
        objective: bestObjective,
        bound: effectiveBound(),
        gap: gapOf(effectiveBound()),
      });
      if (more === false) {
        stopped = true;
        break;
      }
    }
    if (performance.now() - t0 > lagrangianShare * o.timeLimitMs) break;
  }
  if (pricesFirst && !stopped) {
    state.restore(best);
    construct(state, sub.bestPrices, free, random);
    localSearch(state, free, swapBudget, t0 + o.timeLimitMs);
    if (!keep()) state.restore(best);
  }
  let nodes = 0;
  if (!stopped && assignmentNext && gapOf(effectiveBound()) > o.targetGap) {
    state.restore(best);
    const phase = assignmentPhase({
      state,
      free,
      fixed,
      prices: sub.bestPrices,
      random,
      // On a small instance the root may take the time it needs and branch and bound a third of
      // what is left; elsewhere the search needs most of the time.
      deadline: branchNext
        ? t0 + o.timeLimitMs
        : performance.now() + o.assignmentShare * (t0 + o.timeLimitMs - performance.now()),
      branchDeadline: performance.now() + (t0 + o.timeLimitMs - performance.now()) / 3,
      integral: roundDown,
      iterations: o.assignmentIterations,
      branch: branchNext,
      branchNodes: o.branchNodes,
      swapBudget,
      best: () => bestObjective,
      keep,
      restoreBest: () => state.restore(best),
    });
    assignmentBound = phase.bound;
    proved = phase.proved;
    nodes = phase.nodes;
    iterations += phase.iterations;
  }
  if (!stopped && !exactNext && !proved && gapOf(effectiveBound()) > o.targetGap) {
    state.restore(best);
    const deadline = t0 + o.timeLimitMs;
    const tick = (iteration: number, objective: number) => {
      const bound = effectiveBound();
      const more = o.progress?.({
        phase: 'search',
        iteration,
        objective,
        bound,
        gap: gapOf(bound),
      });
      stopped = more === false;
      return !stopped;
    };
    iterations +=
      model.pairWeight.length <= o.tabuPairLimit
        ? relinkSearch(
            state,
            free,
            random,
            {
              maxMoves: o.tabuIterations,
              deadline,
              patience: o.tabuPatience,
              stopAt: effectiveBound,
              swapBudget,
              report: tick,
              chainCandidates: o.chainCandidates,
              chainPatience: o.chainPatience,
            },
            sub.bestPrices,
          )
        : iteratedLocalSearch(state, free, sub.bestPrices, random, {
            maxKicks: o.maxKicks,
            patience: o.kickPatience,
            deadline,
            swapBudget,
            report: tick,
          });
    keep();
  }
  let bound = proved ? bestObjective : effectiveBound();
  let boundSource: SolveStats['boundSource'] = proved
    ? nodes > 0
      ? 'branch-and-bound'
      : 'assignment'
    : assignmentBound < sub.bound
      ? 'assignment'
      : lpUsed
        ? 'highs-lp'
        : 'lagrangian';
  let exactUsed = false;
  if (
    !stopped &&
    !proved &&
    o.highs &&
    gapOf(bound) > o.targetGap &&
    model.pairWeight.length <= o.exactPairLimit &&
    o.progress?.({
      phase: 'exact',
      iteration: iterations,
      objective: bestObjective,
      bound,
      gap: gapOf(bound),
    }) !== false
  ) {
    const exact = solveExact(
      o.highs,
      model,
      fixed,
      best,
      Math.min(o.exactTimeLimitMs, Math.max(100, o.timeLimitMs - (performance.now() - t0))),
    );
    exactUsed = true;
    if (exact.pairs && exact.objective > bestObjective + 1e-9) {
      state.restore(exact.pairs);
      best = state.snapshot();
      bestObjective = state.objective;
    }
    if (exact.bound < bound) {
      bound = roundDown ? Math.floor(exact.bound + 1e-6) : exact.bound;
      boundSource = 'highs-mip';
    }
  }
  state.restore(best);
  bound = Math.max(bound, bestObjective);
  const gap = gapOf(bound);
  const result = report(instance, model, state, sub.bestPrices, fixed, o.warmStart);
  const status: SolveStatus = stopped
    ? 'stopped'
    : result.unplaced > 0
      ? 'infeasible'
      : gap <= o.targetGap
        ? 'optimal'
        : 'feasible';
  o.progress?.({ phase: 'done', iteration: iterations, objective: bestObjective, bound, gap });
  return {
    status,
    ...result,
    objective: bestObjective,
    bound,
    gap,
    stats: { iterations, nodes, timeMs: performance.now() - t0, boundSource, exactUsed },
  };
}

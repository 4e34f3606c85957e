/**
 * Allocation benchmark: the demo camp (about 600 cases × 10 destinations; target: optimal, confirmed
 * by HiGHS, in < 0.5 s) and a Kabul-size synthetic operation (25,000 cases ≈ 124,000 people × 50
 * destinations; target: ≤ 0.05% from the LP bound in ≤ 5 s, and HiGHS MIP's time to the same gap).
 *
 * BENCH_SCALE=camp or kabul runs one of the two; BENCH_ALLOC_LIMIT_MS sets the Kabul solve's time
 * limit (default 5,000); BENCH_ALLOC_MIP=0 skips the HiGHS MIP to the engine's gap (120 s).
 */
import { generateDemo } from '@corridor/core';
import {
  buildAllocationInstance,
  columnLp,
  compile,
  lpBound,
  loadHighs,
  solve,
  solveExact,
} from '@corridor/optimizer';
import { allocationInputOf } from './lib/demo-planning.js';
import { kabulAllocation } from './lib/kabul-allocation.js';
import { campOnly, kabulOnly, loadAverage, peakRssMiB, since, writeResults } from './lib/report.js';

const highs = await loadHighs();
const results: Record<string, unknown> = {};

// 1. The demo camp.
if (!kabulOnly) {
  const loadBefore = loadAverage();
  const input = allocationInputOf(generateDemo({ people: 2000, seed: 1 }));
  const instance = buildAllocationInstance(input);
  const t0 = performance.now();
  const engine = solve(instance, { timeLimitMs: 10_000, highs });
  const engineMs = since(t0);
  // The same solve again in the same process: without the first run's JIT and WASM warm-up.
  const t1 = performance.now();
  const again = solve(instance, { timeLimitMs: 10_000, highs });
  const warmMs = since(t1);
  const model = compile(instance);
  const fixed = new Int32Array(model.n).fill(-3);
  const exact = solveExact(highs, model, fixed, null, 300_000);
  const within =
    Math.abs(exact.objective - engine.objective) / Math.max(1, Math.abs(exact.objective));
  results.camp = {
    cases: input.cases.length,
    destinations: input.destinations.length,
    pairs: model.pairWeight.length,
    engine: {
      status: engine.status,
      objective: engine.objective,
      bound: engine.bound,
      gap: engine.gap,
      timeMs: engineMs,
      boundSource: engine.stats.boundSource,
      exactUsed: engine.stats.exactUsed,
    },
    engineSecondRun: { status: again.status, objective: again.objective, timeMs: warmMs },
    highsMip: {
      status: exact.status,
      objective: exact.objective,
      timeMs: Math.round(exact.timeMs),
    },
    loadAverage: { before: loadBefore, after: loadAverage() },
    engineOptimalByHighs: within <= 1e-6,
    deviationFromHighsOptimum: within,
  };
  console.log('camp', JSON.stringify(results.camp));
}

// 2. Kabul size (bench/lib/kabul-allocation.ts).
if (!campOnly) {
  const input = kabulAllocation(7);
  const people = input.cases.reduce((s, c) => s + c.persons, 0);
  const instance = buildAllocationInstance(input);
  const limitMs = Number(process.env.BENCH_ALLOC_LIMIT_MS ?? 5_000);
  const loadBefore = loadAverage();
  const t0 = performance.now();
  // With HiGHS, as `corridor allocate` runs it (the engine uses it for the LP where it pays).
  const cpu0 = process.cpuUsage();
  const engine = solve(instance, { timeLimitMs: limitMs, highs });
  const engineMs = since(t0);
  // CPU time the solve got (user + system): other sessions share the cores.
  const cpu = process.cpuUsage(cpu0);
  const engineCpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const loadAfter = loadAverage();
  const peakAfterSolve = peakRssMiB();
  const model = compile(instance);
  const fixed = new Int32Array(model.n).fill(-3);
  // The reference: the LP optimum by rows and columns as needed (`columnLp` to convergence, the
  // same optimum as HiGHS's LP of the whole item model, which BENCH_FULL_LP=1 solves as well).
  const t1 = performance.now();
  const zero = new Float64Array(model.resources);
  const generated = columnLp(highs, model, fixed, zero, performance.now() + 600_000);
  const lp = { bound: generated.bound, timeMs: since(t1), converged: generated.converged };
  if (!generated.converged) throw new Error('the LP by column generation did not converge');
  const fullLp = process.env.BENCH_FULL_LP === '1' ? lpBound(highs, model, fixed, 600_000) : null;
  const gapToLp = (lp.bound - engine.objective) / Math.abs(lp.bound);
  const mipLimitMs = 120_000;
  const mip =
    process.env.BENCH_ALLOC_MIP === '0'
      ? null
      : solveExactToGap(model, fixed, Math.max(gapToLp, 1e-6), mipLimitMs);
  results.kabul = {
    cases: input.cases.length,
    people,
    destinations: input.destinations.length,
    pairs: model.pairWeight.length,
    engine: {
      status: engine.status,
      objective: engine.objective,
      lagrangianBound: engine.bound,
      bound: engine.bound,
      boundSource: engine.stats.boundSource,
      gap: engine.gap,
      timeMs: engineMs,
      timeLimitMs: limitMs,
      cpuMs: engineCpuMs,
      unplaced: engine.unplaced,
    },
    loadAverage: { before: loadBefore, after: loadAfter },
    peakRssMiBAfterSolve: peakAfterSolve,
    lpBound: { ...lp, rounds: generated.rounds, items: generated.items, pairs: generated.columns },
    fullLpBound: fullLp && { bound: fullLp.bound, timeMs: Math.round(fullLp.timeMs) },
    engineGapToLp: gapToLp,
    highsMipToSameGap: mip,
    highsToEngineTimeRatio: !mip
      ? null
      : mip.reached
        ? mip.timeMs / engineMs
        : `> ${Math.round(mipLimitMs / engineMs)} (HiGHS did not reach the gap in ${mipLimitMs / 1000} s)`,
  };
  console.log('kabul', JSON.stringify(results.kabul));
}

/** HiGHS MIP with mip_rel_gap set to the engine's gap: the time it needs to get as close. */
function solveExactToGap(
  model: ReturnType<typeof compile>,
  fixed: Int32Array,
  gap: number,
  limitMs: number,
) {
  const t0 = performance.now();
  const exact = solveExact(highs, model, fixed, null, limitMs, gap);
  const timeMs = since(t0);
  const reached =
    exact.pairs !== null &&
    (exact.status === 'optimal' || (exact.bound - exact.objective) / Math.abs(exact.bound) <= gap);
  return { status: exact.status, objective: exact.objective, bound: exact.bound, timeMs, reached };
}

console.log(`results in ${writeResults('allocation', results)}`);

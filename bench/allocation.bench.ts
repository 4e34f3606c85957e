/**
 * Allocation benchmark: the demo camp (about 600 cases × 10 destinations; target: optimal, confirmed
 * by HiGHS, in < 0.5 s) and a Kabul-size synthetic operation (25,000 cases ≈ 124,000 people × 50
 * destinations; target: ≤ 0.5% from the LP bound in < 10 s, and HiGHS MIP's time to the same gap).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, generateDemo } from '@corridor/core';
import {
  buildAllocationInstance,
  compile,
  lpBound,
  loadHighs,
  solve,
  solveExact,
  type AllocationInput,
} from '@corridor/optimizer';
import { allocationInputOf } from './lib/demo-planning.js';
import { campOnly, dataDir, since, writeResults } from './lib/report.js';

const highs = await loadHighs();
const results: Record<string, unknown> = {};

// 1. The demo camp.
{
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
    engineOptimalByHighs: within <= 1e-6,
    deviationFromHighsOptimum: within,
  };
  console.log('camp', JSON.stringify(results.camp));
}

// 2. Kabul size: destinations shaped like UNHCR resettlement 2016 (29 countries) plus 21 smaller ones.
function kabulAllocation(seed: number): AllocationInput {
  const r = createRandom(seed);
  const shares = readFileSync(
    join(dataDir, 'unhcr-resettlement-2016/resettlement_2016_by_destination.csv'),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((c) => ({ id: c[0]!, share: Number(c[c.length - 2]) }));
  while (shares.length < 50)
    shares.push({ id: `D${shares.length}`, share: 0.002 + r.next() * 0.004 });
  const total = shares.reduce((s, d) => s + d.share, 0);
  const cases = Array.from({ length: 25_000 }, (_, i) => {
    const persons = 1 + r.weighted([0.09, 0.08, 0.11, 0.15, 0.16, 0.13, 0.11, 0.09, 0.08]);
    const prefs = new Set<string>();
    while (prefs.size < 3) prefs.add(shares[r.weighted(shares.map((d) => d.share + 0.01))]!.id);
    return {
      id: `K${i}`,
      persons,
      medicalPersons: r.chance(0.08) ? 1 : 0,
      disabilityPersons: 0,
      languages: [r.pick(['ps', 'prs', 'en'])],
      preferences: [...prefs],
      ties: r.chance(0.1) ? [[...prefs][0]!] : [],
    };
  });
  const people = cases.reduce((s, c) => s + c.persons, 0);
  return {
    cases,
    links: [],
    destinations: shares.map((d) => {
      const persons = Math.round((1.04 * people * d.share) / total) + 20;
      return {
        id: d.id,
        persons,
        cases: Math.round(persons / 3.5),
        medicalPlaces: Math.round(persons * 0.03),
        disabilityPlaces: persons,
        maxHouseholdSize: r.chance(0.3) ? 6 : 12,
        languages: r.chance(0.4) ? ['en'] : [],
        requiresTies: false,
        paused: false,
      };
    }),
  };
}
if (!campOnly) {
  const input = kabulAllocation(7);
  const people = input.cases.reduce((s, c) => s + c.persons, 0);
  const instance = buildAllocationInstance(input);
  const t0 = performance.now();
  const engine = solve(instance, { timeLimitMs: 9_000 });
  const engineMs = since(t0);
  const model = compile(instance);
  const fixed = new Int32Array(model.n).fill(-3);
  const lp = lpBound(highs, model, fixed, 600_000);
  const gapToLp = (lp.bound - engine.objective) / Math.abs(lp.bound);
  const mipLimitMs = 120_000;
  const mip = solveExactToGap(model, fixed, Math.max(gapToLp, 1e-6), mipLimitMs);
  results.kabul = {
    cases: input.cases.length,
    people,
    destinations: input.destinations.length,
    pairs: model.pairWeight.length,
    engine: {
      status: engine.status,
      objective: engine.objective,
      lagrangianBound: engine.bound,
      timeMs: engineMs,
      unplaced: engine.unplaced,
    },
    lpBound: { bound: lp.bound, timeMs: Math.round(lp.timeMs) },
    engineGapToLp: gapToLp,
    highsMipToSameGap: mip,
    highsToEngineTimeRatio: mip.reached
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

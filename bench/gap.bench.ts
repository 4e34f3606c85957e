/**
 * GAP benchmark: OR-Library gap1–gap12 in both senses (targets: every problem optimal, each
 * < 0.2 s) and gapa–gapd plus Yagiura C, D, E (minimisation; target: mean deviation ≤ 0.5% from
 * the best known value, each ≤ 10 s). `npx tsx bench/gap.bench.ts [filter]` runs a subset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHighs, solveGap, type GapSense } from '@corridor/optimizer';
import { dataDir, writeResults } from './lib/report.js';

const gapDir = join(dataDir, 'gap');
const csv = (file: string) =>
  readFileSync(join(gapDir, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
const maxOptimum = new Map(
  csv('cattrysse1994_min_max_optima.csv').map((c) => [c[0]!, Number(c[7])]),
);
const runs = csv('bounds.csv').flatMap((c) => {
  const row = { path: c[0]!, dataset: c[2]!, best: Number(c[7]), proven: c[6] !== '' };
  const max = maxOptimum.get(row.path);
  return [
    { ...row, sense: 'min' as GapSense },
    ...(max === undefined ? [] : [{ ...row, sense: 'max' as GapSense, best: max, proven: true }]),
  ];
});

const highs = await loadHighs();
const only = process.argv[2];
const results = [];
for (const run of runs) {
  if (only && !run.path.includes(only)) continue;
  const small = run.dataset === 'cattrysse1994';
  const [r] = solveGap(readFileSync(join(gapDir, run.path), 'utf8'), run.path, {
    sense: run.sense,
    timeLimitMs: small ? 10_000 : 9_000,
    highs,
  });
  // Deviation from the best known value, positive when worse, in either sense.
  const deviation = ((r!.objective - run.best) / run.best) * (run.sense === 'min' ? 1 : -1);
  const placed = r!.assignment.every((a) => a >= 0);
  results.push({
    instance: run.path,
    dataset: run.dataset,
    sense: run.sense,
    m: r!.m,
    n: r!.n,
    status: r!.status,
    everyJobPlaced: placed,
    objective: r!.objective,
    bound: r!.bound,
    best: run.best,
    bestIsOptimum: run.proven,
    deviationPct: placed ? Math.round(deviation * 1e5) / 1e3 : null,
    timeMs: r!.timeMs,
  });
  process.stdout.write(
    `${run.path.padEnd(28)} ${run.sense} ${r!.status.padEnd(10)} ${String(r!.objective).padStart(7)} best ${String(run.best).padStart(7)} dev ${(deviation * 100).toFixed(3).padStart(7)}% ${String(r!.timeMs).padStart(8)} ms\n`,
  );
}

type Row = (typeof results)[number];
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null);
function smallSummary(rows: Row[]) {
  return {
    problems: rows.length,
    optimal: rows.filter((r) => r.status === 'optimal' && r.deviationPct === 0).length,
    under200ms: rows.filter((r) => r.timeMs < 200).length,
    meanMs: mean(rows.map((r) => r.timeMs)),
    maxMs: Math.max(...rows.map((r) => r.timeMs)),
  };
}
function largeSummary(rows: Row[]) {
  const placed = rows.filter((r) => r.deviationPct !== null);
  return {
    problems: rows.length,
    everyJobPlaced: placed.length,
    meanDeviationPct: mean(placed.map((r) => r.deviationPct!)),
    maxDeviationPct: Math.max(...placed.map((r) => r.deviationPct!)),
    maxMs: Math.max(...rows.map((r) => r.timeMs)),
  };
}
const small = results.filter((r) => r.dataset === 'cattrysse1994');
const large = results.filter((r) => r.dataset !== 'cattrysse1994');
const family = (r: Row) =>
  `${r.dataset === 'chu1997' ? 'gap' : 'yagiura '}${r.instance.split('/')[1]![0]}`;
const summary = {
  orlibraryMin: smallSummary(small.filter((r) => r.sense === 'min')),
  orlibraryMax: smallSummary(small.filter((r) => r.sense === 'max')),
  chu1997: largeSummary(large.filter((r) => r.dataset === 'chu1997')),
  yagiura2004: largeSummary(large.filter((r) => r.dataset === 'yagiura2004')),
  byFamily: Object.fromEntries(
    [...new Set(large.map(family))].map((f) => [
      f,
      largeSummary(large.filter((r) => family(r) === f)),
    ]),
  ),
};
console.table({
  'gap1-12 min': summary.orlibraryMin,
  'gap1-12 max': summary.orlibraryMax,
  ...Object.fromEntries(Object.entries(summary.byFamily)),
});
if (!only) console.log(`results in ${writeResults('gap', { summary, results })}`);

/**
 * GAP benchmark: OR-Library gap1–gap12 (targets: every problem optimal, each < 0.2 s) and
 * gapa–gapd plus Yagiura C, D, E (target: mean deviation ≤ 0.5% from best known, each ≤ 10 s).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHighs, solveGap } from '@corridor/optimizer';
import { dataDir, writeResults } from './lib/report.js';

const gapDir = join(dataDir, 'gap');
const rows = readFileSync(join(gapDir, 'bounds.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .map((c) => ({
    path: c[0]!,
    dataset: c[2]!,
    n: Number(c[3]),
    m: Number(c[4]),
    bestBound: Number(c[5]),
    optimum: c[6] ? Number(c[6]) : null,
    best: Number(c[7]),
  }));

const highs = await loadHighs();
const only = process.argv[2];
const results = [];
for (const row of rows) {
  if (only && !row.path.includes(only)) continue;
  const small = row.dataset === 'cattrysse1994';
  const [r] = solveGap(readFileSync(join(gapDir, row.path), 'utf8'), row.path, {
    sense: 'min',
    timeLimitMs: small ? 10_000 : 9_000,
    highs: small ? highs : null,
  });
  const deviation = (r!.objective - row.best) / row.best;
  results.push({
    instance: row.path,
    dataset: row.dataset,
    m: row.m,
    n: row.n,
    status: r!.status,
    objective: r!.objective,
    bound: r!.bound,
    best: row.best,
    deviationPct: Math.round(deviation * 1e5) / 1e3,
    timeMs: r!.timeMs,
  });
  process.stdout.write(
    `${row.path.padEnd(28)} ${r!.status.padEnd(9)} ${String(r!.objective).padStart(7)} best ${String(row.best).padStart(7)} dev ${(deviation * 100).toFixed(3).padStart(7)}% ${String(r!.timeMs).padStart(8)} ms\n`,
  );
}

const small = results.filter((r) => r.dataset === 'cattrysse1994');
const large = results.filter((r) => r.dataset !== 'cattrysse1994');
const summary = {
  orlibraryGap1to12: small.length
    ? {
        problems: small.length,
        optimal: small.filter((r) => r.status === 'optimal' && r.deviationPct === 0).length,
        maxMs: Math.max(...small.map((r) => r.timeMs)),
        meanMs: small.reduce((s, r) => s + r.timeMs, 0) / small.length,
        under200ms: small.filter((r) => r.timeMs < 200).length,
      }
    : null,
  largeSets: large.length
    ? {
        problems: large.length,
        meanDeviationPct: large.reduce((s, r) => s + r.deviationPct, 0) / large.length,
        maxDeviationPct: Math.max(...large.map((r) => r.deviationPct)),
        maxMs: Math.max(...large.map((r) => r.timeMs)),
      }
    : null,
};
console.log(JSON.stringify(summary, null, 2));
if (!only) console.log(`results in ${writeResults('gap', { summary, results })}`);

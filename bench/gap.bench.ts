/**
 * GAP benchmark, the engine without HiGHS beside the HiGHS MIP alone, each given the same time in
 * the same run. OR-Library gap1–gap12 in both senses (target: every problem proved optimal by the
 * engine, each < 0.2 s); gapa–gapd and Yagiura C, D, E (minimisation) at the first time limit, and
 * the six published D/E instances also at the longer ones: deviation from the best known value and
 * from the engine's own proved bound (the certified gap).
 *
 * `npx tsx bench/gap.bench.ts [filter,filter…]`; GAP_RESULTS names a subset run's results file; GAP_SECONDS (default "10,60") lists the time limits,
 * GAP_LONG the instances that run at the limits after the first (default the six published D/E),
 * GAP_HIGHS=0 leaves HiGHS out; GAP_BASELINE=1 also runs the engine without its ejection chains
 * (the path-relinking tabu search everywhere, as before them) on each problem, right after it, and
 * GAP_BASELINE=option=value,… the engine with those options instead (a change measured with and
 * without it in the same process). GAP_GENERATED=d10x100s7,… adds problems generated like
 * Yagiura's types C, D and E (`lib/yagiura.ts`: type, agents x jobs, seed) at the first time
 * limit; their best value is unknown, so their deviation is from the best bound of the runs.
 * GAP_ENGINE=option=value,… gives the engine's own run options other than its defaults (trials);
 * both take the options in `tunable` below.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  compile,
  gapToInstance,
  loadHighs,
  parseGap,
  solveExact,
  solveGap,
  type GapSense,
} from '@corridor/optimizer';
import { dataDir, writeResults } from './lib/report.js';
import { parseSpecs, yagiuraText } from './lib/yagiura.js';

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
const generated = process.env.GAP_GENERATED ? parseSpecs(process.env.GAP_GENERATED) : [];
const runs = csv('bounds.csv').flatMap((c) => {
  const row = {
    path: c[0]!,
    dataset: c[2]!,
    best: Number(c[7]),
    proven: c[6] !== '',
    text: null as string | null,
  };
  const max = maxOptimum.get(row.path);
  return [
    { ...row, sense: 'min' as GapSense },
    ...(max === undefined ? [] : [{ ...row, sense: 'max' as GapSense, best: max, proven: true }]),
  ];
});
for (const g of generated)
  runs.push({
    path: `generated/${g.name}`,
    dataset: 'generated',
    best: NaN,
    proven: false,
    text: yagiuraText(g.type, g.m, g.n, g.seed),
    sense: 'min',
  });

const seconds = (process.env.GAP_SECONDS ?? '10,60').split(',').map(Number);
const longSet = new Set(
  (process.env.GAP_LONG ?? 'd201600,d40400,d801600,e201600,e40400,e801600').split(','),
);
const highs = process.env.GAP_HIGHS === '0' ? null : await loadHighs();
/** The options GAP_ENGINE and GAP_BASELINE may set (`solveGap`'s `search`). */
const tunable = [
  'chainCandidates',
  'chainPatience',
  'tabuPatience',
  'branchNodes',
  'assignmentShare',
];
/** Options written option=value,… (numbers); an unknown name or a value not a number stops the run. */
const optionList = (text: string | undefined): Record<string, number> =>
  Object.fromEntries(
    (text ?? '')
      .split(',')
      .filter((kv) => kv.includes('='))
      .map((kv) => {
        const [key, value] = kv.split('=') as [string, string];
        if (!tunable.includes(key) || !Number.isFinite(Number(value)))
          throw new Error(`"${kv}": options are ${tunable.join(', ')}, each =number`);
        return [key, Number(value)];
      }),
  );
const baselineOptions =
  process.env.GAP_BASELINE === '1' ? { chainCandidates: 0 } : optionList(process.env.GAP_BASELINE);
/** GAP_ENGINE=option=value,…: the engine's own run with options other than its defaults (trials). */
const engineOptions = optionList(process.env.GAP_ENGINE);
const withBaseline = Object.keys(baselineOptions).length > 0;
const only = process.argv[2];
const wanted = only?.split(',');
const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
/** Deviation in percent, positive when `value` is worse than `reference`, in either sense. */
const deviation = (value: number, reference: number, sense: GapSense) =>
  round(((value - reference) / Math.abs(reference)) * (sense === 'min' ? 100 : -100));

/** The engine with the baseline's options (default: without its ejection chains) on the same problem. */
function baselineRun(text: string, path: string, sense: GapSense, limitMs: number, best: number) {
  const load = round(loadavg()[0]!, 2);
  const cpu0 = process.cpuUsage();
  const [r] = solveGap(text, path, { sense, timeLimitMs: limitMs, search: baselineOptions });
  const cpu = process.cpuUsage(cpu0);
  const placed = r!.assignment.every((a) => a >= 0);
  return {
    status: r!.status,
    objective: r!.objective,
    bound: r!.bound,
    deviationPct: placed ? deviation(r!.objective, best, sense) : null,
    timeMs: r!.timeMs,
    cpuMs: round((cpu.user + cpu.system) / 1000, 0),
    loadAverage: load,
  };
}

/** The HiGHS MIP alone on the engine's model of the problem, from no start. */
function highsRun(text: string, path: string, sense: GapSense, limitMs: number) {
  if (!highs) return null;
  const [problem] = parseGap(text, path);
  const model = compile(gapToInstance(problem!, sense));
  const flip = sense === 'min' ? -1 : 1;
  const t0 = performance.now();
  const exact = solveExact(highs, model, new Int32Array(model.n).fill(-3), null, limitMs);
  const placed = exact.pairs !== null && exact.pairs.every((p) => p >= 0);
  return {
    status: exact.status,
    objective: placed ? round(flip * exact.objective, 6) : null,
    bound: Number.isFinite(exact.bound) ? flip * exact.bound : null,
    timeMs: round(performance.now() - t0, 1),
  };
}

const results = [];
for (const run of runs) {
  if (wanted && !wanted.some((w) => run.path.includes(w))) continue;
  const small = run.dataset === 'cattrysse1994';
  const name = run.path.split('/')[1]!;
  const limits = small ? [10] : longSet.has(name) ? seconds : seconds.slice(0, 1);
  const text = run.text ?? readFileSync(join(gapDir, run.path), 'utf8');
  for (const limit of limits) {
    const load = round(loadavg()[0]!, 2);
    const cpu0 = process.cpuUsage();
    const [r] = solveGap(text, run.path, {
      sense: run.sense,
      timeLimitMs: limit * 1000,
      search: engineOptions,
    });
    const cpu = process.cpuUsage(cpu0);
    const placed = r!.assignment.every((a) => a >= 0);
    const h = highsRun(text, run.path, run.sense, limit * 1000);
    const base = withBaseline
      ? baselineRun(text, run.path, run.sense, limit * 1000, run.best)
      : null;
    // A generated problem's reference is the best bound either run proved.
    const best = Number.isNaN(run.best)
      ? run.sense === 'min'
        ? Math.max(r!.bound, base?.bound ?? -Infinity)
        : Math.min(r!.bound, base?.bound ?? Infinity)
      : run.best;
    if (base && Number.isNaN(run.best) && base.objective !== null)
      base.deviationPct = deviation(base.objective, best, run.sense);
    const engineDev = placed ? deviation(r!.objective, best, run.sense) : null;
    const highsDev = h?.objective != null ? deviation(h.objective, run.best, run.sense) : null;
    const row = {
      instance: run.path,
      dataset: run.dataset,
      sense: run.sense,
      m: r!.m,
      n: r!.n,
      limitS: limit,
      loadAverage: load,
      best,
      bestIsOptimum: run.proven,
      status: r!.status,
      everyJobPlaced: placed,
      objective: r!.objective,
      bound: r!.bound,
      deviationPct: engineDev,
      /** (objective − own bound) relative to the bound: what the engine certifies. */
      certifiedGapPct: placed ? deviation(r!.objective, r!.bound, run.sense) : null,
      timeMs: r!.timeMs,
      cpuMs: round((cpu.user + cpu.system) / 1000, 0),
      highs: h,
      highsDeviationPct: highsDev,
      /** The engine with the baseline's options, run right after on the same problem. */
      baseline: base,
      baselineDeviationPct: base?.deviationPct ?? null,
      /** HiGHS's deviation over the engine's (above 1: the engine is closer to the best known). */
      highsOverEngine:
        highsDev !== null && engineDev !== null && engineDev > 0
          ? round(highsDev / engineDev, 2)
          : null,
    };
    results.push(row);
    process.stdout.write(
      `${run.path.padEnd(26)} ${run.sense} ${String(limit).padStart(3)}s ${r!.status.padEnd(10)} ${String(r!.objective).padStart(7)} bound ${String(r!.bound).padStart(7)} best ${String(best).padStart(7)} dev ${String(engineDev).padStart(6)}% cert ${String(row.certifiedGapPct).padStart(6)}% ${String(r!.timeMs).padStart(8)} ms cpu ${row.cpuMs}${base ? ` | base ${base.objective} dev ${base.deviationPct}%` : ''} | HiGHS ${h?.status ?? '-'} ${h?.objective ?? '-'} dev ${highsDev ?? '-'}% ${h?.timeMs ?? '-'} ms | load ${load}\n`,
    );
  }
}

type Row = (typeof results)[number];
const mean = (xs: number[]) =>
  xs.length ? round(xs.reduce((s, v) => s + v, 0) / xs.length) : null;
const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
function smallSummary(rows: Row[]) {
  return {
    problems: rows.length,
    provedOptimal: rows.filter(
      (r) => r.status === 'optimal' && r.deviationPct === 0 && r.bound === r.objective,
    ).length,
    under200ms: rows.filter((r) => r.timeMs < 200).length,
    meanMs: mean(rows.map((r) => r.timeMs)),
    maxMs: worst(rows.map((r) => r.timeMs)),
    highsOptimal: rows.filter((r) => r.highs?.status === 'optimal').length,
    highsMeanMs: mean(rows.flatMap((r) => (r.highs ? [r.highs.timeMs] : []))),
  };
}
function largeSummary(rows: Row[]) {
  const placed = rows.filter((r) => r.deviationPct !== null);
  const highsPlaced = rows.filter((r) => r.highsDeviationPct !== null);
  return {
    problems: rows.length,
    everyJobPlaced: placed.length,
    meanDeviationPct: mean(placed.map((r) => r.deviationPct!)),
    worstDeviationPct: worst(placed.map((r) => r.deviationPct!)),
    meanCertifiedGapPct: mean(placed.map((r) => r.certifiedGapPct!)),
    worstCertifiedGapPct: worst(placed.map((r) => r.certifiedGapPct!)),
    /** Runs that ended more than a second before their limit without a proof (should be none). */
    endedEarlyWithGapOpen: rows.filter(
      (r) => r.status !== 'optimal' && r.timeMs < r.limitS * 1000 - 1000,
    ).length,
    highsWithPlan: highsPlaced.length,
    highsMeanDeviationPct: mean(highsPlaced.map((r) => r.highsDeviationPct!)),
    highsWorstDeviationPct: worst(highsPlaced.map((r) => r.highsDeviationPct!)),
    meanLoadAverage: mean(rows.map((r) => r.loadAverage)),
    baselineMeanDeviationPct: mean(rows.flatMap((r) => r.baselineDeviationPct ?? [])),
    baselineWorstDeviationPct: worst(rows.flatMap((r) => r.baselineDeviationPct ?? [])),
  };
}
const small = results.filter((r) => r.dataset === 'cattrysse1994');
const large = results.filter((r) => r.dataset !== 'cattrysse1994');
const family = (r: Row) =>
  `${r.dataset === 'chu1997' ? 'gap' : r.dataset === 'generated' ? 'generated ' : 'yagiura '}${r.instance.split('/')[1]![0]}`;
const byLimit = Object.fromEntries(
  [...new Set(large.map((r) => r.limitS))].map((limit) => {
    const rows = large.filter((r) => r.limitS === limit);
    const published = rows.filter((r) => longSet.has(r.instance.split('/')[1]!));
    return [
      `${limit}s`,
      {
        // The published problems (generated ones appear under their own family only).
        all: largeSummary(rows.filter((r) => r.dataset !== 'generated')),
        publishedDE: largeSummary(published),
        byFamily: Object.fromEntries(
          [...new Set(rows.map(family))].map((f) => [
            f,
            largeSummary(rows.filter((r) => family(r) === f)),
          ]),
        ),
      },
    ];
  }),
);
const summary = {
  orlibraryMin: smallSummary(small.filter((r) => r.sense === 'min')),
  orlibraryMax: smallSummary(small.filter((r) => r.sense === 'max')),
  large: byLimit,
};
console.table({
  'gap1-12 min': summary.orlibraryMin,
  'gap1-12 max': summary.orlibraryMax,
});
for (const [limit, s] of Object.entries(byLimit)) {
  console.log(`at ${limit}`);
  console.table({ all: s.all, 'published D/E': s.publishedDE, ...s.byFamily });
}
// A subset run writes its results only under a name of its own (GAP_RESULTS), never over gap.json.
const resultsName = process.env.GAP_RESULTS ?? (only ? null : 'gap');
if (resultsName) console.log(`results in ${writeResults(resultsName, { summary, results })}`);

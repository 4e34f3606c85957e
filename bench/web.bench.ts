/**
 * Browser benchmark of the web application (issue 22 item 7): per page, the first contentful
 * paint and the JavaScript bytes a first visit transfers, on the demo operation, for this build
 * and for a baseline build of an earlier commit (WEB_BASELINE_REF, default the last commit before
 * compression and splitting) measured in the same run, page after page, on the same machine.
 *
 * Both builds are served by this server, each by its own `corridor serve` over a copy of one demo
 * data folder. The baseline build has no precompressed files, so its files go uncompressed, as
 * they did then. Each page is opened WEB_RUNS times (default 5) in a new browser context (empty
 * cache), on localhost and under an emulated slow connection (Lighthouse's "slow 4G": 150 ms
 * round trip, 1.6 Mbit/s down), and once more in the same context (a repeat visit). Budgets: first
 * contentful paint under 1 s and JavaScript under 300 KB compressed on every page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumFlags } from '../packages/web/e2e/harness.js';
import { writeResults } from './lib/report.js';
import { cli, serve, stop } from './lib/serve.js';

const root = join(import.meta.dirname, '..');
const baselineRef = process.env.WEB_BASELINE_REF ?? 'f7b8553';
const runs = Number(process.env.WEB_RUNS ?? 5);
const password = 'web benchmark password 2026';
const budget = { fcpMs: 1000, jsKB: 300 };

/** The pages, as a logged-in administrator opens them (the login page anonymously). */
const pages = [
  { name: 'login', path: '/', heading: null },
  { name: 'dashboard', path: '/', heading: 'Dashboard' },
  { name: 'registry', path: '/registry', heading: 'Registry' },
  { name: 'planning', path: '/planning', heading: 'Planning' },
  { name: 'timetable', path: '/timetable', heading: 'Timetable' },
  { name: 'movement-day', path: '/movement-day', heading: 'Movement day' },
  { name: 'incidents', path: '/incidents', heading: 'Incidents & property' },
] as const;

/** Lighthouse's "slow 4G" (DevTools throttling figures), in bytes per second. */
const slow4g = { latency: 150, downloadThroughput: 204_800, uploadThroughput: 96_000 };
const networks = { localhost: null, slow4g } as const;

function corridor(args: string[], input?: string): string {
  const env = { ...process.env, DATABASE_URL: '', CORRIDOR_MASTER_KEY: '', CORRIDOR_DATA: '' };
  const r = spawnSync(process.execPath, [cli, ...args], { env, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`corridor ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The web build of `ref`: its packages/web from git, built with this checkout's node_modules. */
async function buildBaseline(dir: string): Promise<string> {
  const tar = execFileSync(
    'git',
    ['archive', baselineRef, 'packages/web', 'packages/core', 'tsconfig.base.json'],
    {
      cwd: root,
      maxBuffer: 1 << 28,
    },
  );
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const { build } = await import('vite');
  const web = join(dir, 'packages/web');
  await build({ root: web, configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
  return join(web, 'dist');
}

/** What one page load measured. */
interface Load {
  fcpMs: number;
  lcpMs: number | null;
  /** Until the page's heading is shown and nothing is loading any more. */
  readyMs: number;
  jsFiles: number;
  /** JavaScript bodies as transferred (compressed when the server compressed them). */
  jsTransferredKB: number;
  /** Their bodies alone, as sent (without the HTTP headers). */
  jsBodyKB: number;
  /** The same JavaScript once decompressed. */
  jsDecodedKB: number;
  openApiKB: number;
  allTransferredKB: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Reads the page's paints and resource sizes (Resource Timing: transferSize, encodedBodySize,
 * decodedBodySize). A string, evaluated in the browser as it is.
 */
const readTimings = `(async () => {
  const paint = (type, name) => new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const entries = list.getEntries().filter((e) => !name || e.name === name);
      if (entries.length) { observer.disconnect(); resolve(entries.at(-1).startTime); }
    }).observe({ type, buffered: true });
    setTimeout(() => resolve(null), 2000);
  });
  const fcp = await paint('paint', 'first-contentful-paint');
  const lcp = await paint('largest-contentful-paint');
  const resources = performance.getEntriesByType('resource').map((r) => ({
    name: r.name, transfer: r.transferSize, encoded: r.encodedBodySize, decoded: r.decodedBodySize,
  }));
  const nav = performance.getEntriesByType('navigation')[0];
  return { fcp, lcp, resources, nav: { transfer: nav.transferSize, encoded: nav.encodedBodySize } };
})()`;

/** The time the page is first ready (its heading, or the login form, and nothing "Loading…"). */
function readyAt(heading: string | null): number | false {
  const doc = (
    globalThis as unknown as {
      document: {
        querySelector(selector: string): { textContent: string | null } | null;
        body: { innerText: string };
      };
    }
  ).document;
  const shown = heading
    ? doc.querySelector('h1')?.textContent === heading
    : doc.querySelector('input[type=password]') !== null;
  return shown && !doc.body.innerText.includes('Loading…') && performance.now();
}

interface Timings {
  fcp: number | null;
  lcp: number | null;
  resources: { name: string; transfer: number; encoded: number; decoded: number }[];
  nav: { transfer: number; encoded: number };
}

/** Opens one page in `context` and measures it. */
async function load(
  context: BrowserContext,
  url: string,
  page: (typeof pages)[number],
  network: typeof slow4g | null,
): Promise<Load> {
  const tab = await context.newPage();
  tab.setDefaultTimeout(60_000);
  try {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    if (network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    await tab.goto(url + page.path);
    // Checked at every frame: the time the page first held ready.
    const ready = await tab.waitForFunction(readyAt, page.heading, { polling: 'raf' });
    const readyMs = Number(await ready.jsonValue());
    await tab.waitForLoadState('networkidle');
    const t = await tab.evaluate<Timings>(readTimings);
    const js = t.resources.filter((r) => new URL(r.name).pathname.endsWith('.js'));
    const openApi = t.resources.filter((r) => r.name.includes('openapi'));
    const sum = (
      rows: { encoded: number }[],
      key: 'encoded' | 'decoded' | 'transfer' = 'encoded',
    ) => rows.reduce((n, r) => n + (r as Record<string, number>)[key]!, 0);
    return {
      fcpMs: Math.round(t.fcp ?? Number.NaN),
      lcpMs: t.lcp === null ? null : Math.round(t.lcp),
      readyMs: Math.round(readyMs),
      jsFiles: js.length,
      jsTransferredKB: kb(sum(js, 'transfer')),
      jsBodyKB: kb(sum(js, 'encoded')),
      jsDecodedKB: kb(sum(js, 'decoded')),
      openApiKB: kb(sum(openApi, 'transfer')),
      allTransferredKB: kb(sum(t.resources, 'transfer') + t.nav.transfer),
    };
  } finally {
    await tab.close();
  }
}

/** A new context (empty cache) logged in as the administrator, or anonymous for the login page. */
async function contextFor(browser: Browser, url: string, loggedIn: boolean) {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1280, height: 900 },
  });
  if (loggedIn) {
    const r = await context.request.post(`${url}/api/login`, {
      data: { username: 'bench', password },
    });
    if (!r.ok()) throw new Error(`login ${r.status()}`);
    await context.addInitScript({ content: "localStorage.setItem('corridor.loggedIn', '1')" });
  }
  return context;
}

function median(values: number[]): number {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round(((s[mid - 1]! + s[mid]!) / 2) * 10) / 10;
}

/** The median of each figure over the runs. */
function summarise(loads: Load[]) {
  const keys = Object.keys(loads[0]!) as (keyof Load)[];
  return Object.fromEntries(
    keys.map((k) => [k, median(loads.map((l) => l[k] ?? Number.NaN))]),
  ) as Record<keyof Load, number>;
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-web-bench-'));
const started = { loadavg: loadavg().map((l) => Math.round(l * 10) / 10) };
const children: Awaited<ReturnType<typeof serve>>['child'][] = [];
let browser: Browser | undefined;
try {
  const current = join(root, 'packages/web/dist');
  if (!existsSync(join(current, 'index.html')))
    throw new Error('build the web first (npm run bench does)');
  console.log(`building the baseline web of ${baselineRef}`);
  const baseline = await buildBaseline(join(dir, 'baseline'));

  console.log('preparing the demo operation');
  const data = join(dir, 'data');
  corridor(['demo', '--data', data]);
  corridor(['allocate', '--data', data, '--json']);
  corridor(['schedule', '--data', data, '--json']);
  corridor(
    ['user', 'add', 'bench', '--role', 'admin', '--password-stdin', '--data', data],
    password,
  );
  cpSync(data, join(dir, 'data-baseline'), { recursive: true });

  const env = { ...process.env, DATABASE_URL: '', CORRIDOR_MASTER_KEY: '' };
  const builds = {
    baseline: await serve(join(dir, 'data-baseline'), env, ['--web', baseline]),
    current: await serve(data, env, ['--web', current]),
  };
  children.push(builds.baseline.child, builds.current.child);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });

  // One unmeasured visit of each server first: its first answers pay for the JIT.
  for (const server of Object.values(builds)) {
    const context = await contextFor(browser, server.url, true);
    await load(context, server.url, pages[1], null).finally(() => context.close());
  }

  type Key = `${keyof typeof builds}/${keyof typeof networks}/${(typeof pages)[number]['name']}`;
  const cold = new Map<Key, Load[]>();
  const repeat = new Map<Key, Load>();
  for (let run = 0; run < runs; run++) {
    for (const [network, conditions] of Object.entries(networks)) {
      for (const page of pages) {
        // Page after page, the two builds alternate, so a busy moment of the machine hits both.
        for (const [build, server] of Object.entries(builds)) {
          const key = `${build}/${network}/${page.name}` as Key;
          const context = await contextFor(browser, server.url, page.heading !== null);
          try {
            const first = await load(context, server.url, page, conditions);
            cold.set(key, [...(cold.get(key) ?? []), first]);
            // The baseline's server sent no Cache-Control, ETag or Last-Modified, so a repeat
            // visit downloaded everything again; this server caches even the baseline's files,
            // so only the current build's repeat visit is measured.
            if (run === 0 && build === 'current')
              repeat.set(key, await load(context, server.url, page, conditions));
          } finally {
            await context.close();
          }
        }
      }
    }
    console.log(`run ${run + 1} of ${runs} done`);
  }

  const results: Record<string, unknown> = {};
  const table: string[] = [];
  for (const network of Object.keys(networks)) {
    for (const page of pages) {
      const row: Record<string, unknown> = {};
      for (const build of Object.keys(builds)) {
        const key = `${build}/${network}/${page.name}` as Key;
        row[build] = {
          firstVisit: summarise(cold.get(key)!),
          firstVisitRuns: cold.get(key),
          ...(repeat.has(key) ? { repeatVisit: repeat.get(key) } : {}),
        };
      }
      const now = (row.current as { firstVisit: Record<keyof Load, number> }).firstVisit;
      const before = (row.baseline as { firstVisit: Record<keyof Load, number> }).firstVisit;
      row.withinBudget = { fcp: now.fcpMs < budget.fcpMs, js: now.jsTransferredKB < budget.jsKB };
      results[`${network}/${page.name}`] = row;
      table.push(
        `${network.padEnd(9)} ${page.name.padEnd(12)} FCP ${String(before.fcpMs).padStart(5)} → ${String(now.fcpMs).padStart(5)} ms` +
          `  LCP ${String(before.lcpMs).padStart(5)} → ${String(now.lcpMs).padStart(5)} ms` +
          `  ready ${String(before.readyMs).padStart(5)} → ${String(now.readyMs).padStart(5)} ms` +
          `  JS ${String(before.jsTransferredKB).padStart(6)} → ${String(now.jsTransferredKB).padStart(6)} KB` +
          `  OpenAPI ${before.openApiKB} → ${now.openApiKB} KB`,
      );
    }
  }
  console.log(table.join('\n'));
  const file = writeResults('web', {
    setup: {
      baselineRef,
      runs,
      budget,
      networks,
      chromium: browser.version(),
      loadavgAtStart: started.loadavg,
      loadavgAtEnd: loadavg().map((l) => Math.round(l * 10) / 10),
      note: 'firstVisit: medians over the runs, each in a new context (empty cache); repeatVisit (current build only): the same page opened again in the first run’s context. KB = 1024 bytes. jsTransferredKB: JavaScript response sizes as transferred (Resource Timing transferSize: body as sent plus headers); 0 when served from the cache.',
    },
    pages: results,
  });
  console.log(`written ${file}`);
} finally {
  await browser?.close();
  for (const c of children) await stop(c);
  rmSync(dir, { recursive: true, force: true });
}

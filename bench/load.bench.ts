/**
 * Load benchmark (M12): API requests at a fixed rate against real `corridor serve` processes on
 * 127.0.0.1 — one embedded (PGlite) server, then two servers sharing one PostgreSQL database — first
 * reads only (the baseline), then the same reads with writes among them (about one in eleven: a
 * grievance logged, its words sealed, its audit event chained), on the same servers in the same run.
 * Many sessions from many addresses (behind a trusted proxy), as a team would be, so the
 * per-session and per-address limits apply as in production. Bounded: LOAD_SECONDS (default 300)
 * per deployment at LOAD_RATE requests/s (default 200); every process it starts is stopped.
 *
 * The embedded server runs twice: as `corridor serve` runs it (PGlite in a worker thread with the
 * cache of reads, since 2026-12-08) and, as the baseline in the same run, with PGlite on the main
 * thread and no cache (`CORRIDOR_PGLITE_THREAD=0`, as before); LOAD_BASELINE=0 leaves that out,
 * LOAD_POSTGRES=0 the PostgreSQL pair.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { paced } from './lib/paced.js';
import { writeResults } from './lib/report.js';
import { cli, serve as serveOn, stop } from './lib/serve.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 300);
const rate = Number(process.env.LOAD_RATE ?? 200);
const password = 'load-test-password-0001';
const users = ['load-a', 'load-b', 'load-c', 'load-d'];
const sessionsPerServer = 24;
/**
 * LOAD_GENERATORS: `paced` (requests at a constant rate, latency from when each was due:
 * `lib/paced.ts`) and `burst` (autocannon's `overallRate`, which sends each connection's budget for
 * a second back to back at the start of the second: the figures before 2026-12-08). Default both,
 * paced first; the results name them `reads`/`mixed` and `readsBurst`/`mixedBurst`.
 */
const generators = (process.env.LOAD_GENERATORS ?? 'paced,burst').split(',') as (
  'paced' | 'burst'
)[];
const reads = [
  '/api/status',
  '/api/destinations',
  '/api/movements',
  '/api/plans?kind=allocation',
  '/api/cases/C-0001',
  '/api/cases/C-0100',
  '/api/pledges',
  '/api/jobs',
  '/api/me',
  '/healthz',
];

/**
 * CPU time (user and system, ms) a process has used, from /proc (Linux); null elsewhere. On a
 * shared machine latency follows the neighbours' load; CPU per request follows the code.
 */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at USER_HZ 100
  } catch {
    return null;
  }
}

/** The servers' CPU time per request during `work` (which answers `requests`). */
async function withCpu<T extends { requests: number }>(
  pids: (number | undefined)[],
  work: () => Promise<T>,
) {
  const before = pids.map(cpuMsOf);
  const loadBefore = loadavg()[0]!;
  const result = await work();
  const after = pids.map(cpuMsOf);
  const used = after.every((a, i) => a !== null && before[i] !== null)
    ? after.reduce<number>((s, a, i) => s + a! - before[i]!, 0)
    : null;
  return {
    ...result,
    serverCpuMs: used,
    serverCpuMsPerRequest:
      used === null ? null : Math.round((used / result.requests) * 1000) / 1000,
    loadAverage: [loadBefore, loadavg()[0]!].map((l) => Math.round(l * 100) / 100),
  };
}

/** A request of the mix: a read, or a write with its JSON body. */
type Step = { method: 'GET' | 'POST'; path: string; body?: string };

/** Logs a complaint: a real write (sealed words, a numbered row, an audit event in the chain). */
const write: Step = {
  method: 'POST',
  path: '/api/grievances',
  body: JSON.stringify({
    caseId: 'C-0001',
    channel: 'desk',
    category: 'timetable',
    urgency: 'normal',
    text: 'load benchmark: when does our bus leave?',
  }),
};

/** The two mixes, measured one after the other on the same servers. */
const mixes: Record<'reads' | 'mixed', Step[]> = {
  reads: reads.map((path) => ({ method: 'GET', path })),
  mixed: [...reads.map((path) => ({ method: 'GET' as const, path })), write],
};

function corridor(args: string[], env: NodeJS.ProcessEnv, input?: string): string {
  const r = spawnSync(process.execPath, [cli, ...args], { env, input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`corridor ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A demo operation with allocation and timetable, and the load-test users. */
function prepare(dataDir: string, env: NodeJS.ProcessEnv): void {
  corridor(['demo', '--data', dataDir], env);
  corridor(['allocate', '--data', dataDir], env);
  corridor(['schedule', '--data', dataDir], env);
  for (const u of users)
    corridor(
      ['user', 'add', u, '--role', 'planner', '--password-stdin', '--data', dataDir],
      env,
      password,
    );
}

/** A server behind a trusted proxy (many addresses, as a team would be). */
const serve = (dataDir: string, env: NodeJS.ProcessEnv) => serveOn(dataDir, env, ['--trust-proxy']);

/** Logs in `count` sessions, each from its own address (X-Forwarded-For, the server trusts it). */
async function sessions(url: string, count: number, firstAddress: number) {
  const out: { token: string; address: string }[] = [];
  for (let i = 0; i < count; i++) {
    const address = `10.1.${Math.floor((firstAddress + i) / 250)}.${((firstAddress + i) % 250) + 1}`;
    const r = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username: users[i % users.length], password }),
    });
    if (!r.ok) throw new Error(`login ${r.status}: ${await r.text()}`);
    out.push({ token: ((await r.json()) as { token: string }).token, address });
  }
  return out;
}

/** The `mix` at `perSecond` for `seconds`, by the `generator` (see LOAD_GENERATORS). */
async function load(
  url: string,
  logins: { token: string; address: string }[],
  perSecond: number,
  mix: Step[],
  generator: 'paced' | 'burst',
) {
  if (generator === 'paced')
    return { generator, ...(await paced({ url, sessions: logins, perSecond, seconds, mix })) };
  let next = 0;
  const result = await autocannon({
    initialContext: {},
    url,
    connections: logins.length,
    overallRate: perSecond,
    duration: seconds,
    timeout: 10,
    // Each connection is one session (autocannon keeps a context per connection).
    requests: mix.map((step) => ({
      method: step.method,
      path: step.path,
      ...(step.body ? { body: step.body } : {}),
      setupRequest: (request, context) => {
        context.session ??= logins[next++ % logins.length]!;
        const s = context.session as { token: string; address: string };
        return {
          ...request,
          headers: {
            authorization: `Bearer ${s.token}`,
            'x-forwarded-for': s.address,
            ...(step.body ? { 'content-type': 'application/json' } : {}),
          },
        };
      },
    })),
  });
  return {
    generator,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
  };
}

/**
 * LOAD_WARMUP seconds (default 10) of the mixed load before anything is measured, so that the
 * first run does not carry the server's first seconds (compiling hot code, filling caches): the
 * figures before 2026-12-08 had no warm-up.
 */
const warmup = Number(process.env.LOAD_WARMUP ?? 10);

/** Both mixes by each generator in LOAD_GENERATORS, one after the other on the same servers. */
async function runAll<T>(
  run: (mix: Step[], generator: 'paced' | 'burst') => Promise<T>,
  warm: () => Promise<unknown>,
) {
  if (warmup > 0) await warm();
  const out: Record<string, T> = {};
  for (const generator of generators) {
    const suffix = generator === 'paced' ? '' : 'Burst';
    out[`reads${suffix}`] = await run(mixes.reads, generator);
    out[`mixed${suffix}`] = await run(mixes.mixed, generator);
  }
  return out;
}

async function embedded(thread: '0' | '' = '') {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-load-'));
  const env = {
    ...process.env,
    DATABASE_URL: '',
    CORRIDOR_PGLITE_THREAD: thread,
    CORRIDOR_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
  };
  try {
    prepare(join(dir, 'data'), env);
    const server = await serve(join(dir, 'data'), env);
    try {
      const logins = await sessions(server.url, sessionsPerServer, 0);
      const run = (mix: Step[], generator: 'paced' | 'burst') =>
        withCpu([server.child.pid], async () => ({
          servers: 1,
          database: 'pglite',
          rate,
          seconds,
          ...(await load(server.url, logins, rate, mix, generator)),
        }));
      return await runAll(run, () =>
        paced({
          url: server.url,
          sessions: logins,
          perSecond: rate,
          seconds: warmup,
          mix: mixes.mixed,
        }),
      );
    } finally {
      await stop(server.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres() {
  const admin = process.env.CORRIDOR_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `corridor_load_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'corridor-load-pg-'));
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    CORRIDOR_MASTER_KEY: Buffer.alloc(32, 3).toString('base64'),
  };
  const children: ChildProcess[] = [];
  try {
    prepare(dir, env);
    const a = await serve(dir, env);
    children.push(a.child);
    const b = await serve(dir, env);
    children.push(b.child);
    const [la, lb] = [
      await sessions(a.url, sessionsPerServer / 2, 0),
      await sessions(b.url, sessionsPerServer / 2, 100),
    ];
    const run = (mix: Step[], generator: 'paced' | 'burst') =>
      withCpu([a.child.pid, b.child.pid], async () => {
        const [ra, rb] = await Promise.all([
          load(a.url, la, rate / 2, mix, generator),
          load(b.url, lb, rate / 2, mix, generator),
        ]);
        return {
          generator,
          servers: 2,
          database: 'postgres',
          rate,
          seconds,
          requests: ra.requests + rb.requests,
          non2xx: ra.non2xx + rb.non2xx,
          errors: ra.errors + rb.errors,
          timeouts: ra.timeouts + rb.timeouts,
          worstP99Ms: Math.max(ra.latencyMs.p99, rb.latencyMs.p99),
          perServer: [ra, rb],
        };
      });
    return await runAll(run, () =>
      Promise.all([
        paced({ url: a.url, sessions: la, perSecond: rate / 2, seconds: warmup, mix: mixes.mixed }),
        paced({ url: b.url, sessions: lb, perSecond: rate / 2, seconds: warmup, mix: mixes.mixed }),
      ]),
    );
  } finally {
    for (const c of children) await stop(c);
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

const one = await embedded();
console.log('embedded', JSON.stringify(one));
const base = process.env.LOAD_BASELINE === '0' ? null : await embedded('0');
if (base) console.log('embeddedMainThread', JSON.stringify(base));
const two = process.env.LOAD_POSTGRES === '0' ? null : await postgres();
if (two) console.log('postgres', JSON.stringify(two));
const file = writeResults(seconds >= 300 ? 'load' : 'load-short', {
  goal: { rate, seconds, errors: 0, p99Ms: 50, writes: 'one request in eleven in the mixed run' },
  warmupSeconds: warmup,
  embedded: one,
  ...(base ? { embeddedMainThread: base } : {}),
  ...(two ? { postgresTwoServers: two } : {}),
});
console.log(`written ${file}`);

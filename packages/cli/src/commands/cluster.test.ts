/**
 * Several `corridor serve` processes behave as one (M12): two real servers on one PostgreSQL
 * database share sessions, login limits, jobs and one audit chain; a server killed with -9 in
 * the middle of a job loses nothing — the job runs again (once) on the other server, or on the
 * same data folder after a restart in embedded mode.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const password = 'a long enough password';
const key = Buffer.alloc(32, 21).toString('base64');

type Env = Record<string, string>;
type Job = { id: string; status: string; attempts: number; error: unknown; result: unknown };

function corridor(args: string[], env: Env, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key, ...env },
  });
  if (r.status !== 0) throw new Error(`corridor ${args.join(' ')} → ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** Starts `corridor serve` on a free port and resolves with its address. */
async function serve(data: string, env: Env): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      bin,
      'serve',
      '--port',
      '0',
      '--quiet',
      '--trust-proxy',
      '--job-stale-seconds',
      '3',
      '--data',
      data,
    ],
    {
      cwd: root,
      env: { ...process.env, CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { url, child };
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

async function api(url: string, path: string, token?: string, body?: unknown, ip?: string) {
  const r = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(ip ? { 'x-forwarded-for': ip } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

let logins = 0;

/** Logs in from a new client address each time (the servers trust X-Forwarded-For here). */
async function login(url: string, username: string, secret = password, from?: string) {
  logins++;
  const address = from ?? `198.51.100.${logins}`;
  return api(url, '/api/login', undefined, { username, password: secret }, address);
}

async function waitFor(url: string, token: string, id: string, done: (j: Job) => boolean) {
  for (let i = 0; i < 600; i++) {
    const job = (await api(url, `/api/jobs/${id}`, token)).body as Job;
    if (done(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not get there in 60 s`);
}

beforeAll(() => {
  if (!existsSync(join(root, 'packages/cli/dist/commands/serve.js')))
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
});

describe('two corridor serve processes on one PostgreSQL', () => {
  const { dir, cleanup } = tempDir();
  const children: ChildProcess[] = [];
  let env: Env;
  let a: string;
  let b: string;

  beforeAll(async () => {
    env = { DATABASE_URL: await freshPostgresUrl() };
    corridor(['demo', '--data', dir, '--people', '600'], env);
    for (const [name, role] of [
      ['plan', 'planner'],
      ['boss', 'admin'],
      ['victim', 'registrar'],
    ])
      corridor(
        ['user', 'add', name!, '--role', role!, '--password-stdin', '--data', dir],
        env,
        password,
      );
    const [sa, sb] = [await serve(dir, env), await serve(dir, env)];
    children.push(sa.child, sb.child);
    [a, b] = [sa.url, sb.url];
  }, 120_000);
  afterAll(async () => {
    for (const c of children) await kill9(c);
    cleanup();
  });

  it('share sessions and logout', async () => {
    const token = (await login(a, 'plan')).body.token as string;
    expect((await api(b, '/api/me', token)).body).toMatchObject({ username: 'plan' });
    expect((await api(b, '/api/logout', token, {})).status).toBe(200);
    expect((await api(a, '/api/me', token)).status).toBe(401);
  });

  it('share the login lockout: five failures on either server lock the account on both', async () => {
    // Failures lock a username at the address they came from (a stranger elsewhere cannot lock
    // the user out); the counters are shared, so the servers' failures add up.
    const guesser = '203.0.113.9';
    for (let i = 0; i < 5; i++)
      expect((await login(i % 2 ? a : b, 'victim', 'wrong password, wrong', guesser)).status).toBe(
        401,
      );
    for (const url of [a, b]) {
      const r = await login(url, 'victim', password, guesser);
      expect([r.status, r.body.error]).toEqual([429, 'login-locked']);
    }
  });

  it('keep one audit chain while both write at once', async () => {
    const logins = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(i % 2 ? a : b, i < 4 ? 'plan' : 'boss')),
    );
    expect(logins.every((r) => r.status === 200)).toBe(true);
    const verdict = JSON.parse(corridor(['audit', 'verify', '--json', '--data', dir], env)) as {
      ok: boolean;
      events: number;
    };
    expect(verdict.ok).toBe(true);
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'auth.login'",
    );
    await client.end();
    expect(rows[0]!.n).toBeGreaterThanOrEqual(8);
  });

  it('run a job submitted to one server, visible and cancellable on the other', async () => {
    const token = (await login(a, 'plan')).body.token as string;
    const submitted = await api(a, '/api/plans/allocate', token, { timeLimit: 5 });
    expect(submitted.status).toBe(202);
    const job = await waitFor(b, token, submitted.body.id as string, (j) =>
      ['succeeded', 'failed'].includes(j.status),
    );
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    const plans = (await api(b, '/api/plans?kind=allocation', token)).body as unknown as unknown[];
    expect(plans.length).toBeGreaterThan(0);

    // A cancel sent to one server reaches the job on the other: at its next heartbeat, or at the
    // latest in the transaction that would save its plan. Exactly one of them wins: a cancel taken
    // (200) ends the job cancelled with nothing saved; once the plan is saved the cancel is
    // refused (409) and the job succeeds.
    const long = await api(b, '/api/plans/schedule', token, { joint: true, timeLimit: 60 });
    await waitFor(a, token, long.body.id as string, (j) => j.status === 'running');
    const cancel = await api(a, `/api/jobs/${long.body.id as string}/cancel`, token, {});
    expect([200, 409]).toContain(cancel.status);
    const ended = await waitFor(b, token, long.body.id as string, (j) => j.status !== 'running');
    expect(ended.status).toBe(cancel.status === 200 ? 'cancelled' : 'succeeded');
    const audit = new pg.Client({ connectionString: env.DATABASE_URL });
    await audit.connect();
    const { rows: cancels } = await audit.query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'job.cancel' and entity_id = $1",
      [long.body.id],
    );
    await audit.end();
    expect(cancels[0]!.n).toBe(cancel.status === 200 ? 1 : 0);
  }, 120_000);

  it('retry once, on the surviving server, a job whose server was killed with -9', async () => {
    const token = (await login(a, 'boss')).body.token as string;
    const submitted = await api(a, '/api/plans/schedule', token, { joint: true, timeLimit: 8 });
    const id = submitted.body.id as string;
    await waitFor(a, token, id, (j) => j.status === 'running');
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ worker: string }>(
      'select worker from jobs where id = $1',
      [id],
    );
    await client.end();
    const pid = Number(rows[0]!.worker.split(':').at(-1));
    const victim = children.find((c) => c.pid === pid)!;
    const survivor = victim === children[0] ? b : a;
    await kill9(victim);
    const job = await waitFor(survivor, token, id, (j) =>
      ['succeeded', 'failed'].includes(j.status),
    );
    expect([job.status, job.attempts, job.error]).toEqual(['succeeded', 2, null]);
  }, 120_000);
});

describe('an embedded server killed with -9 during a job', () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  afterAll(cleanup);

  it('opens again and runs the interrupted job a second time', async () => {
    corridor(['demo', '--data', data, '--people', '600'], { DATABASE_URL: '' });
    corridor(['allocate', '--data', data], { DATABASE_URL: '' });
    corridor(
      ['user', 'add', 'plan', '--role', 'planner', '--password-stdin', '--data', data],
      { DATABASE_URL: '' },
      password,
    );
    const first = await serve(data, { DATABASE_URL: '' });
    const token = (await login(first.url, 'plan')).body.token as string;
    const submitted = await api(first.url, '/api/plans/schedule', token, { timeLimit: 5 });
    const id = submitted.body.id as string;
    await waitFor(first.url, token, id, (j) => j.status === 'running');
    await kill9(first.child);
    const second = await serve(data, { DATABASE_URL: '' });
    try {
      const job = await waitFor(second.url, token, id, (j) =>
        ['succeeded', 'failed'].includes(j.status),
      );
      expect([job.status, job.attempts, job.error]).toEqual(['succeeded', 2, null]);
      expect((job.result as { plan: { version: number } }).plan.version).toBe(1);
    } finally {
      await kill9(second.child);
    }
  }, 120_000);
});

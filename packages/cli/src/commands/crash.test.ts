/**
 * kill -9 (M12) on both backends: of the CLI during an import and during a plan save, and of the
 * server during a burst of case-status writes. After each, the database opens, every write that
 * was acknowledged is there, and nothing is half-written (an import is all or nothing, a plan
 * has all its assignments, the audit chain verifies).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const key = Buffer.alloc(32, 44).toString('base64');
const password = 'a long enough password';

type Env = Record<string, string>;

function corridor(args: string[], env: Env, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function start(args: string[], env: Env): ChildProcess {
  return spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Runs a command and kills it with -9 after `ms` (true when it was still running). */
async function killAfter(args: string[], env: Env, ms: number): Promise<boolean> {
  const child = start(args, env);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, ms))]);
  const running = child.exitCode === null && child.signalCode === null;
  if (running) child.kill('SIGKILL');
  await exited;
  return running;
}

function json<T>(r: { code: number | null; stdout: string; stderr: string }): T {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

const modes: { name: string; env: () => Promise<Env> }[] = [
  { name: 'embedded (PGlite)', env: async () => ({ DATABASE_URL: '' }) },
  { name: 'PostgreSQL', env: async () => ({ DATABASE_URL: await freshPostgresUrl() }) },
];

describe.each(modes)('kill -9 on $name', (mode) => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const source = join(dir, 'source');
  const roster = join(dir, 'roster.csv');

  it('during an import: the database opens with all of the file or none of it', async () => {
    const local = { DATABASE_URL: '' };
    corridor(['demo', '--data', source, '--people', '1500'], local);
    const destinations = join(dir, 'destinations.json');
    for (const [what, format, out] of [
      ['persons', 'csv', roster],
      ['destinations', 'json', destinations],
    ] as const)
      expect(
        corridor(
          ['export', what, '--format', format, '--hxl', '--out', out, '--data', source],
          local,
        ).stderr,
      ).toBe('');
    const expected = json<{ persons: number }>(
      corridor(['status', '--json', '--data', source], local),
    ).persons;
    // How long a whole import takes here, so that the kills land inside one whatever the machine's
    // speed (fixed delays missed on a fast machine: the import had finished before either).
    const baseline = await mode.env();
    const baselineData = join(dir, 'import-baseline');
    expect(corridor(['import', destinations, '--data', baselineData], baseline).code).toBe(0);
    const started = Date.now();
    expect(corridor(['import', roster, '--data', baselineData], baseline).code).toBe(0);
    const whole = Date.now() - started;
    let killed = 0;
    // Early (reading, checking) and late (writing) in the import.
    for (const fraction of [0.35, 0.8]) {
      const ms = Math.round(whole * fraction);
      const env = await mode.env();
      const data = join(dir, `import-${fraction}`);
      expect(corridor(['import', destinations, '--data', data], env).code).toBe(0);
      if (await killAfter(['import', roster, '--data', data], env, ms)) killed++;
      const persons = () =>
        json<{ persons: number }>(corridor(['status', '--json', '--data', data], env)).persons;
      const after = persons();
      expect([0, expected]).toContain(after);
      expect(
        json<{ ok: boolean }>(corridor(['audit', 'verify', '--json', '--data', data], env)).ok,
      ).toBe(true);
      // An interrupted import is simply run again.
      if (after === 0) expect(corridor(['import', roster, '--data', data], env).code).toBe(0);
      expect(persons()).toBe(expected);
    }
    expect(killed).toBeGreaterThan(0);
  }, 300_000);

  it('during a plan save: every stored plan is whole and the chain verifies', async () => {
    const env = await mode.env();
    const data = join(dir, 'plans');
    expect(corridor(['demo', '--data', data, '--people', '1500'], env).code).toBe(0);
    const cases = json<{ cases: number }>(
      corridor(['allocate', '--json', '--data', data], env),
    ).cases;
    for (const ms of [1200, 2500, 4000]) await killAfter(['allocate', '--data', data], env, ms);
    const plans = json<{ id: number; kind: string }[]>(
      corridor(['plan', 'list', '--json', '--data', data], env),
    );
    for (const p of plans.filter((x) => x.kind === 'allocation')) {
      const shown = json<{ assignments: unknown[] }>(
        corridor(['plan', 'show', String(p.id), '--json', '--data', data], env),
      );
      expect(shown.assignments).toHaveLength(cases);
    }
    expect(
      json<{ ok: boolean }>(corridor(['audit', 'verify', '--json', '--data', data], env)).ok,
    ).toBe(true);
  }, 300_000);

  it('of the server during a burst of writes: every acknowledged write is there after restart', async () => {
    const env = await mode.env();
    const data = join(dir, 'burst');
    expect(corridor(['demo', '--data', data, '--people', '1500'], env).code).toBe(0);
    corridor(
      ['user', 'add', 'reg', '--role', 'registrar', '--password-stdin', '--data', data],
      env,
      password,
    );
    const households = () =>
      json<{ households: { household_id: string; household_status: string }[] }>(
        corridor(['export', 'households', '--format', 'json', '--data', data], env),
      ).households;
    const ids = households()
      .filter((h) => h.household_status === 'registered')
      .map((h) => h.household_id);
    const serve = start(['serve', '--port', '0', '--quiet', '--data', data], env);
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      serve.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /serving (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      serve.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    const token = (
      (await (
        await fetch(`${url}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'reg', password }),
        })
      ).json()) as { token: string }
    ).token;
    const acknowledged: string[] = [];
    const writes = ids.map(async (id, k) => {
      await new Promise((resolve) => setTimeout(resolve, k * 5));
      try {
        const r = await fetch(`${url}/api/cases/${id}/status`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ to: 'verified', reason: 'burst test' }),
        });
        if (r.status === 200) acknowledged.push(id);
      } catch {
        // the server died mid-request: not acknowledged
      }
    });
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, ids.length * 2)));
    // On a loaded machine the first answers may take longer: kill once some are acknowledged.
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGKILL');
    await exited;
    await Promise.all(writes);
    expect(acknowledged.length).toBeGreaterThan(0);
    const status = new Map(households().map((h) => [h.household_id, h.household_status]));
    expect(acknowledged.filter((id) => status.get(id) !== 'verified')).toEqual([]);
    expect(
      json<{ ok: boolean }>(corridor(['audit', 'verify', '--json', '--data', data], env)).ok,
    ).toBe(true);
  }, 300_000);
});

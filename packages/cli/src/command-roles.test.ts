/**
 * Every write command as every role, through the CLI (in-process, the same `main` as the binary)
 * and through the API, on one PostgreSQL database: both allow exactly the roles the policy allows,
 * a refusal writes nothing, and an allowed write appends the command's audit event.
 */
import { commandList } from '@corridor/commands';
import { generateDemo, roles, rolesAllowed, type Role } from '@corridor/core';
import { postgresBackend, testEnv } from '@corridor/storage/test-support';
import { startTestServer, type TestServer } from '@corridor/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteFixture } from './command-fixtures/fixture.js';
import { fixtureGroups } from './command-fixtures/index.js';
import { corridorInProcess as corridor } from './in-process.js';

/** Polls a job until it ends. */
async function settle(server: TestServer, id: string): Promise<{ status: string; error: unknown }> {
  for (let i = 0; i < 1200; i++) {
    const job = (await server.as('auditor', { url: `/api/jobs/${id}` })).json() as {
      status: string;
      error: unknown;
    };
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not end in two minutes`);
}

const fixtures = Object.assign({}, ...fixtureGroups.map((g) => g.fixtures)) as Record<
  string,
  WriteFixture
>;
// The long planning commands replace the current plans other fixtures rely on (a check-in needs
// its passenger on the current timetable): they run after the others. The demo, which replaces
// the whole operation, runs after every other test here (the CLI/API parity ones read the plans).
// A command queued only when asked (`Prefer: respond-async`: the imports) answers in the request.
const alwaysQueued = (c: (typeof commandList)[number]) =>
  c.job !== undefined && c.job.queue !== 'when-asked';
const allWrites = commandList
  .filter((c) => c.audit !== null)
  .sort((a, b) => Number(alwaysQueued(a)) - Number(alwaysQueued(b)));
const writes = allWrites.filter((c) => !fixtures[c.name]?.last);
const lastWrites = allWrites.filter((c) => fixtures[c.name]?.last);

describe('every write command as every role, from the CLI and the API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, generateDemo({ people: 40, seed: 5 }));
    for (const group of fixtureGroups) await group.setup?.(server.store);
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await server.close();
  });

  const auditCount = async () => (await server.store.audit.events(0, 1_000_000)).length;
  const lastAudit = async () => (await server.store.audit.events(0, 1_000_000)).at(-1);

  it('has a fixture for every write command', () => {
    expect(allWrites.map((c) => c.name).filter((n) => !fixtures[n])).toEqual([]);
  });

  const asEveryRole = async (name: string, command: (typeof allWrites)[number]) => {
    const fixture = fixtures[name]!;
    const outcome: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const role of roles as readonly Role[]) {
      const allowed = rolesAllowed(command.permission).includes(role);
      expected[`${role} cli`] = expected[`${role} api`] = allowed ? 'allowed' : 'refused';
      for (const via of ['cli', 'api'] as const) {
        const k = `${role}-${via}`.toUpperCase();
        await fixture.prepare?.(server.store, k);
        const before = await auditCount();
        let ok: boolean;
        if (via === 'cli') {
          const r = await corridor([
            ...fixture.cli(k),
            '--role',
            role,
            '--data',
            server.dataDir,
            '--json',
          ]);
          ok = r.code === 0;
          if (!ok && allowed) throw new Error(`${name} as ${role} from the CLI: ${r.stderr}`);
          if (!ok) expect(r.stderr).toMatch(/^corridor: not permitted: role \S+ may not /);
          if (!ok) expect(r.code).toBe(1);
        } else {
          const r = await server.as(role, fixture.api(k));
          ok = r.statusCode < 300;
          if (!ok && allowed) throw new Error(`${name} as ${role} over HTTP: ${r.body}`);
          if (!ok) expect(r.statusCode).toBe(403);
          // A long command answers 202 with its job: the write is the job's, when it ends.
          if (ok && alwaysQueued(command)) {
            expect(r.statusCode).toBe(202);
            const job = await settle(server, (r.json() as { id: string }).id);
            expect([job.status, job.error], `${name} as ${role}`).toEqual(['succeeded', null]);
          }
        }
        outcome[`${role} ${via}`] = ok ? 'allowed' : 'refused';
        if (ok) expect((await lastAudit())?.action).toBe(command.audit);
        else expect(await auditCount()).toBe(before);
      }
    }
    expect(outcome).toEqual(expected);
  };
  it.each(writes.map((c) => [c.name, c] as const))('%s', asEveryRole);

  it('answers the CLI --json with what the API answers', async () => {
    const cli = await corridor([
      'property',
      'report',
      '--json',
      '--data',
      server.dataDir,
      '--role',
      'auditor',
    ]);
    const api = await server.as('auditor', { method: 'GET', url: '/api/property/report' });
    expect(JSON.parse(cli.stdout)).toEqual(api.json());
  });

  it.each([
    [['plan', 'show'], '/api/plans/current'],
    [['plan', 'list', '--kind', 'timetable'], '/api/plans?kind=timetable'],
    [['allocate', 'locks'], '/api/locks'],
    [['allocate', 'fairness'], '/api/allocation/fairness'],
    [['timetable'], '/api/timetable'],
    [
      ['hazard', '--from', '2027-06-25', '--to', '2027-07-05'],
      '/api/hazard?from=2027-06-25&to=2027-07-05',
    ],
    [['job', 'list', '--status', 'cancelled'], '/api/jobs?status=cancelled'],
  ])('answers `corridor %s --json` as %s', async (args, url) => {
    const cli = await corridor([...args, '--json', '--data', server.dataDir, '--role', 'auditor']);
    expect(cli.code, cli.stderr).toBe(0);
    const api = await server.as('auditor', { method: 'GET', url });
    expect(api.statusCode).toBe(200);
    expect(JSON.parse(cli.stdout)).toEqual(api.json());
  });

  it.each(lastWrites.map((c) => [c.name, c] as const))(
    '%s (replaces the operation: last)',
    asEveryRole,
  );
});

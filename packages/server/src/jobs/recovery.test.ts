/**
 * Jobs on PostgreSQL whose queue message never reached pg-boss (a server stopped between the job
 * row and its message, before they were written together) are run once a server starts again; the
 * worker runs the command for the submitting user's current role and refuses a changed or
 * disabled one.
 */
import { generateDemo } from '@corridor/core';
import { postgresBackend } from '@corridor/storage/test-support';
import type { JobRecord } from '@corridor/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';
import { PgBossRunner } from './pg-boss-runner.js';

const settings = {
  worker: 'restarted-server',
  heartbeatMs: 200,
  staleMs: 30_000,
  maxAttempts: 2,
  work: true,
  clock: () => new Date(),
  onUnexpected: (kind: string, error: unknown) => {
    throw new Error(`${kind}: ${String(error)}`);
  },
};

async function settle(server: TestServer, id: string, ms = 90_000): Promise<JobRecord> {
  const until = Date.now() + ms;
  for (;;) {
    const job = (await server.store.jobs.get(id))!;
    if (!['queued', 'running'].includes(job.status) || Date.now() > until) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('jobs whose queue message was lost, on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, generateDemo({ people: 120, seed: 5 }));
    await server.store.users.add(
      { username: 'leaver', role: 'planner', passwordHash: 'not-a-login' },
      seeder,
    );
  }, 300_000);
  afterAll(async () => server.close());

  it('runs them after a restart, for the submitter’s current role only', async () => {
    const create = (by: string, role: string) =>
      server.store.jobs.create({ kind: 'allocate', params: { timeLimit: 1 } }, { name: by, role });
    const lost = await create('api:planner', 'planner');
    const changedRole = await create('api:registrar', 'planner');
    const disabled = await create('api:leaver', 'planner');
    await server.store.users.disable('leaver', seeder);
    // The running server never hears of them: no message was sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await server.store.jobs.get(lost.id))!.status).toBe('queued');

    const restarted = await PgBossRunner.start(server.store, settings);
    try {
      const ran = await settle(server, lost.id);
      expect([ran.status, ran.error]).toEqual(['succeeded', null]);
      const plan = await server.store.plans.current('allocation');
      expect(ran.result).toMatchObject({ plan: { id: plan!.id } });
      expect(plan!.createdBy).toBe('api:planner');

      const refused = await settle(server, changedRole.id);
      expect(refused.status).toBe('failed');
      expect(refused.error?.message).toMatch(/role/);
      const gone = await settle(server, disabled.id);
      expect(gone.status).toBe('failed');
      expect(gone.error?.message).toMatch(/disabled/);
      expect((await server.store.plans.list('allocation')).length).toBe(1);
    } finally {
      await restarted.stop();
    }
  }, 300_000);
});

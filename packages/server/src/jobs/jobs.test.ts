import { generateDemo, generateDemoGroundCapacity, generateDemoMovements } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';

const demo = generateDemo({ people: 300, seed: 5 });

type Job = {
  id: string;
  kind: string;
  status: string;
  progress: { phase: string; fraction: number; message: string } | null;
  result: Record<string, unknown> | null;
  error: { id: string; message: string } | null;
  attempts: number;
  createdBy: string;
  finishedAt: string | null;
};

/** Polls a job until it ends (or the deadline passes). */
async function settle(server: TestServer, id: string, ms = 60_000): Promise<Job> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await server.as('auditor', { method: 'GET', url: `/api/jobs/${id}` });
    expect(r.statusCode).toBe(200);
    const job = r.json() as Job;
    if (!['queued', 'running'].includes(job.status) || Date.now() > until) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(backends)('planning jobs on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { jobHeartbeatMs: 200 }, demo);
    const movements = generateDemoMovements(demo.destinations, demo.pledges);
    await server.store.movements.add(movements, seeder);
    await server.store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), seeder);
  }, 60_000);
  afterAll(async () => server.close());

  it('allocates as a job: 202, progress, and the CLI result with the saved plan', async () => {
    const r = await server.as('planner', {
      method: 'POST',
      url: '/api/plans/allocate',
      payload: { timeLimit: 5 },
    });
    expect(r.statusCode).toBe(202);
    const queued = r.json() as Job;
    expect(queued).toEqual({ id: queued.id, kind: 'allocate', status: 'queued' });
    const job = await settle(server, queued.id);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    expect(job.progress).toMatchObject({ phase: 'done', fraction: 1 });
    expect(job.createdBy).toBe('api:planner');
    expect(job.finishedAt).not.toBeNull();
    const result = job.result as { status: string; cases: number; plan: { id: number } };
    expect(['optimal', 'feasible']).toContain(result.status);
    const current = await server.store.plans.current('allocation');
    expect(current?.id).toBe(result.plan.id);
    expect(result.cases).toBe(current?.assignments.length);
  }, 90_000);

  it('schedules, then re-plans after a cancelled movement; a bad event fails the job clearly', async () => {
    const s = await server.as('admin', {
      method: 'POST',
      url: '/api/plans/schedule',
      payload: { timeLimit: 5 },
    });
    expect(s.statusCode).toBe(202);
    const scheduled = await settle(server, (s.json() as Job).id);
    expect([scheduled.status, scheduled.error]).toEqual(['succeeded', null]);
    expect(scheduled.result).toHaveProperty('exposure');
    const timetable = await server.store.plans.current('timetable');
    const used = timetable!.assignments.find((a) => a.movementId)!.movementId!;

    const bad = await server.as('planner', {
      method: 'POST',
      url: '/api/replan',
      payload: { events: [{ type: 'cancel-movement', movement: 'NO-SUCH-FLIGHT' }] },
    });
    expect(bad.statusCode).toBe(202);
    const failed = await settle(server, (bad.json() as Job).id);
    expect(failed.status).toBe('failed');
    expect(failed.error?.id).toBe('invalid-input');
    expect(failed.error?.message).toContain('NO-SUCH-FLIGHT');
    expect((await server.store.plans.current('timetable'))?.id).toBe(timetable!.id);

    const good = await server.as('planner', {
      method: 'POST',
      url: '/api/replan',
      payload: { events: [{ type: 'cancel-movement', movement: used }], timeLimit: 5 },
    });
    const replanned = await settle(server, (good.json() as Job).id);
    expect(replanned.status).toBe('succeeded');
    const result = replanned.result as { changedCases: number; plan: { id: number } };
    expect(result.changedCases).toBeGreaterThan(0);
    const after = await server.store.plans.current('timetable');
    expect(after?.id).toBe(result.plan.id);
    expect(after?.assignments.some((a) => a.movementId === used)).toBe(false);
    expect((await server.store.movements.list()).find((m) => m.id === used)?.status).toBe(
      'cancelled',
    );
  }, 120_000);

  it('refuses malformed planning requests with 400 and other roles with 403', async () => {
    const cases = [
      { url: '/api/plans/allocate', payload: { timeLimit: -1 } },
      { url: '/api/plans/schedule', payload: { joint: 'yes' } },
      { url: '/api/replan', payload: { events: [] } },
      { url: '/api/replan', payload: { events: [{ type: 'reduce-seats', movement: 'M-1' }] } },
    ];
    for (const c of cases) {
      const r = await server.as('planner', { method: 'POST', ...c });
      expect(r.statusCode, c.url).toBe(400);
      expect(r.json()).toMatchObject({ error: 'invalid-input' });
    }
    const r = await server.as('registrar', { method: 'POST', url: '/api/plans/allocate' });
    expect(r.statusCode).toBe(403);
    const missing = await server.as('planner', {
      method: 'GET',
      url: '/api/jobs/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('cancels a queued job at once and a running one within a heartbeat, saving nothing', async () => {
    const before = (await server.store.plans.list('joint')).length;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await server.as('planner', {
        method: 'POST',
        url: '/api/plans/schedule',
        payload: { joint: true, timeLimit: 60 },
      });
      ids.push((r.json() as Job).id);
    }
    const last = await server.as('planner', { method: 'POST', url: `/api/jobs/${ids[2]}/cancel` });
    expect(last.statusCode).toBe(200);
    expect((last.json() as Job).status).toBe('cancelled');
    const again = await server.as('planner', { method: 'POST', url: `/api/jobs/${ids[2]}/cancel` });
    expect(again.statusCode).toBe(409);
    // Wait until the first is solving, then cancel it and the second.
    for (let i = 0; i < 300; i++) {
      const job = (
        await server.as('planner', { method: 'GET', url: `/api/jobs/${ids[0]}` })
      ).json() as Job;
      if (job.progress?.phase === 'solving' || job.status !== 'queued') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const id of ids.slice(0, 2))
      expect(
        (await server.as('admin', { method: 'POST', url: `/api/jobs/${id}/cancel` })).statusCode,
      ).toBe(200);
    for (const id of ids) expect((await settle(server, id)).status).toBe('cancelled');
    expect((await server.store.plans.list('joint')).length).toBe(before);
    const list = (
      await server.as('auditor', { method: 'GET', url: '/api/jobs?status=cancelled' })
    ).json() as Job[];
    expect(list.map((j) => j.id)).toEqual(expect.arrayContaining(ids));
  }, 120_000);
});

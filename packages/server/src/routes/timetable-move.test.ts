import { runAllocation, runSchedule, silentControl } from '@corridor/commands';
import { generateDemo, generateDemoGroundCapacity, generateDemoMovements } from '@corridor/core';
import { timetableView } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';

const demo = generateDemo({ people: 400, seed: 9 });

describe.each(backends)('moving a case to another movement by hand on $name', (backend) => {
  let server: TestServer;
  const schedule = () =>
    runSchedule(
      server.store,
      seeder,
      { joint: false, needsFirst: false, hazardRate: 0.02, timeLimitMs: 5000 },
      silentControl,
    );
  /** A case on a movement, and an open movement to the same destination that has room for it. */
  async function pick() {
    const view = (await timetableView(server.store, 'timetable'))!;
    for (const from of view)
      for (const [i, c] of from.cases.entries()) {
        const size = from.casePersons[i]!;
        const to = view.find(
          (m) =>
            m.id !== from.id &&
            m.destinationId === from.destinationId &&
            (m.status === 'planned' || m.status === 'confirmed') &&
            m.seats - m.persons >= size,
        );
        const elsewhere = view.find(
          (m) => m.destinationId && m.destinationId !== from.destinationId,
        );
        if (to && elsewhere) return { c, from, to, elsewhere, view };
      }
    throw new Error(
      `the demo has no case that could move: ${JSON.stringify(view.map((m) => [m.id, m.destinationId, m.status, m.seats, m.persons]))}`,
    );
  }

  beforeAll(async () => {
    server = await startTestServer(backend, {}, demo);
    const movements = generateDemoMovements(demo.destinations, demo.pledges);
    await server.store.movements.add(movements, seeder);
    await server.store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), seeder);
    await runAllocation(server.store, seeder, { timeLimitMs: 5000, seed: 1 }, silentControl);
    await schedule();
    // A second, empty flight to each destination, a day after the first: room to move cases to.
    await server.store.movements.add(
      movements.map((m) => ({
        ...m,
        id: `X-${m.id}`,
        seats: 40,
        baggageKg: 40 * 23,
        departAt: new Date(Date.parse(m.departAt) + 86_400_000).toISOString(),
      })),
      seeder,
    );
  });
  afterAll(async () => server.close());

  it('checks a move: fits on a movement with room, not on one to another destination', async () => {
    const { c, from, to, elsewhere } = await pick();
    const ok = await server.as('planner', {
      url: `/api/timetable/check?case=${c}&movement=${to.id}`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ case: c, from: from.id, to: to.id, ok: true });
    const bad = (
      await server.as('planner', { url: `/api/timetable/check?case=${c}&movement=${elsewhere.id}` })
    ).json();
    expect(bad.ok).toBe(false);
    expect(bad.findings.filter((f: { ok: boolean }) => !f.ok)[0].text).toContain(
      `goes to ${elsewhere.destinationId}`,
    );
    const unknown = await server.as('planner', {
      url: `/api/timetable/check?case=${c}&movement=M-404`,
    });
    expect([unknown.statusCode, unknown.json().message]).toEqual([404, 'movement M-404 not found']);
  });

  it('refuses a move that does not fit with every failed check, and changes nothing', async () => {
    const { c, elsewhere } = await pick();
    const before = (await server.store.plans.current('timetable'))!;
    const locks = await server.store.plans.locks();
    const r = await server.as('planner', {
      method: 'POST',
      url: '/api/timetable/move',
      payload: { case: c, movementId: elsewhere.id, reason: 'test refusal' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toBe('move-refused');
    expect(r.json().message).toContain(`case ${c} cannot go on movement ${elsewhere.id}`);
    expect(r.json().details.failed.length).toBeGreaterThan(0);
    expect((await server.store.plans.current('timetable'))!.id).toBe(before.id);
    expect(await server.store.plans.locks()).toEqual(locks);
  });

  it('moves a case: a new plan version shows it there, a lock keeps it in the next run', async () => {
    const { c, from, to } = await pick();
    const before = (await server.store.plans.current('timetable'))!;
    const r = await server.as('planner', {
      method: 'POST',
      url: '/api/timetable/move',
      payload: { case: c, movementId: to.id, reason: 'family together' },
    });
    expect(r.statusCode).toBe(200);
    const moved = r.json();
    expect(moved).toMatchObject({ case: c, from: from.id, to: to.id, ok: true });
    expect(moved.plan.version).toBe(before.version + 1);
    const plan = (await server.store.plans.current('timetable'))!;
    expect(plan.parentId).toBe(before.id);
    expect(plan.summary).toMatchObject({ figuresOfPlan: before.id });
    expect(plan.assignments.find((a) => a.householdId === c)).toMatchObject({
      movementId: to.id,
      locked: true,
    });
    // Every other case is where it was.
    const others = (p: typeof plan) =>
      p.assignments.filter((a) => a.householdId !== c).map((a) => [a.householdId, a.movementId]);
    expect(others(plan)).toEqual(others(before));
    const view = (await server.as('auditor', { url: '/api/timetable' })).json();
    const target = view.find((m: { id: string }) => m.id === to.id);
    expect(target.cases).toContain(c);
    expect(target.persons).toBe(to.persons + moved.persons);
    const locks = (await server.as('auditor', { url: '/api/locks' })).json();
    expect(locks.find((l: { householdId: string }) => l.householdId === c)).toMatchObject({
      movementId: to.id,
      actor: 'api:planner',
      reason: 'family together',
    });
    const audit = (await server.store.audit.events(0, 1_000_000)).slice(-2);
    expect(audit.map((e) => e.action)).toEqual(['plan.save', 'plan.lock']);

    // A stale base is refused: the plan and the lock are written together or not at all.
    await expect(
      server.store.plans.saveWithLock(
        {
          kind: 'timetable',
          assignments: plan.assignments,
          basedOn: before.id,
          params: {},
          summary: {},
        },
        { householdId: c, destinationId: null, movementId: from.id, reason: 'stale' },
        seeder,
      ),
    ).rejects.toMatchObject({ id: 'plan-changed' });
    await expect(
      server.store.plans.saveWithLock(
        {
          kind: 'timetable',
          assignments: plan.assignments,
          basedOn: plan.id,
          params: {},
          summary: {},
        },
        { householdId: 'C-NONE', destinationId: null, movementId: from.id, reason: 'bad lock' },
        seeder,
      ),
    ).rejects.toThrow();
    expect((await server.store.plans.current('timetable'))!.id).toBe(plan.id);
    expect((await server.store.plans.locks()).find((l) => l.householdId === c)!.reason).toBe(
      'family together',
    );

    // The next timetable run keeps the case where the planner put it.
    await schedule();
    const next = (await server.store.plans.current('timetable'))!;
    expect(next.id).not.toBe(plan.id);
    expect(next.assignments.find((a) => a.householdId === c)!.movementId).toBe(to.id);
  });
});

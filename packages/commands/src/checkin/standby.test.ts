/**
 * The standby list of a movement (issue 21 item 3) on a planned demo: every case listed could
 * really travel that day (destination, ready, leaving later otherwise, every member's travel
 * document valid), the ranking, a no-show freeing a seat that a planner then fills from the list,
 * and the refusals. One planned operation for the file; the tests run in order on it.
 */
import { generateDemo, generateDemoMovements, type Role } from '@corridor/core';
import { timetableView, type Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allocationRun } from '../allocation/run.js';
import type { CommandSpec } from '../define.js';
import { execute } from '../execute.js';
import { timetableReassignCase } from '../timetable/reassign-case.js';
import { timetableSchedule } from '../timetable/schedule.js';
import { checkinDesk } from './desk.js';
import { recordCheckin } from './record.js';
import { checkinStandby } from './standby.js';

const demo = generateDemo({ people: 400, seed: 11 });
const now = new Date('2026-12-07T10:00:00Z');
const backend = backends.find((b) => b.name === 'pglite')!;

describe('standby lists', () => {
  let store: Store;
  let close: () => Promise<void>;
  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ) => execute(command, { actor: { name: `t-${role}`, role, via: 'api' }, store, now }, input);
  /** The first movement with cases of its destination booked on later movements. */
  let movement: { id: string; destinationId: string; day: string; cases: string[] };

  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, { name: 'test-seed', role: 'admin' });
    // The small demo has one movement per state; two earlier, smaller ones to the main state
    // leave cases on a later movement that an earlier seat could take.
    const movements = generateDemoMovements(demo.destinations, demo.pledges);
    const main = movements.find((m) => m.seats === Math.max(...movements.map((x) => x.seats)))!;
    const earlier = (id: string, day: string) => ({
      ...main,
      id,
      seats: 20,
      departAt: `${day}${main.departAt.slice(10)}`,
      arriveAt: null,
    });
    await store.movements.add(
      [...movements, earlier('M-101', '2029-03-01'), earlier('M-102', '2030-03-01')],
      { name: 'test-seed', role: 'admin' },
    );
    await run(allocationRun, 'planner', {});
    await run(timetableSchedule, 'planner', {});
    const view = (await timetableView(store, 'timetable'))!;
    const m = view.find(
      (r) =>
        r.cases.length > 0 &&
        view.some(
          (l) => l.destinationId === r.destinationId && l.departAt > r.departAt && l.cases.length,
        ),
    )!;
    movement = {
      id: m.id,
      destinationId: m.destinationId!,
      day: m.departAt.slice(0, 10),
      cases: m.cases,
    };
  }, 120_000);
  afterAll(async () => close?.());

  it('lists only cases that could travel that day, ranked, and changes nothing', async () => {
    const audit = (await store.audit.events(0, 1_000_000)).length;
    const s = await run(checkinStandby, 'movement-officer', {
      movementId: movement.id,
      limit: 500,
    });
    expect(s).toMatchObject({
      movementId: movement.id,
      destinationId: movement.destinationId,
      day: movement.day,
      plan: 'timetable',
    });
    expect(s.candidates.length).toBe(s.total);
    expect(s.total).toBeGreaterThan(0);
    const desk = await run(checkinDesk, 'movement-officer', { movementId: movement.id });
    expect(s.seatsFree).toBe(desk.summary.seatsFree);

    const allocation = (await store.plans.current('allocation'))!;
    const timetable = (await store.plans.current('timetable'))!;
    const view = (await timetableView(store, 'timetable'))!;
    const dayOf = new Map(view.map((r) => [r.id, r.departAt.slice(0, 10)]));
    const destinationOf = new Map(
      allocation.assignments.map((a) => [a.householdId, a.destinationId]),
    );
    const onMovement = new Map(timetable.assignments.map((a) => [a.householdId, a.movementId]));
    const listed = new Set(s.candidates.map((c) => c.case));
    const snapshot = await store.registry.snapshot(s.candidates.map((c) => c.case));
    for (const c of s.candidates) {
      expect(destinationOf.get(c.case), c.case).toBe(movement.destinationId);
      expect(movement.cases).not.toContain(c.case);
      expect(c.from).toBe(onMovement.get(c.case) ?? null);
      if (c.from) expect(dayOf.get(c.from)! > movement.day, c.case).toBe(true);
      expect(c.readyDay <= movement.day).toBe(true);
      const members = snapshot.persons.filter((p) => p.householdId === c.case);
      expect(members.length).toBe(c.persons);
      for (const p of members) {
        const expiries = snapshot.documents.filter((d) => d.personId === p.id);
        expect(
          expiries.some((d) => d.expiry !== null && d.expiry >= movement.day),
          p.id,
        ).toBe(true);
      }
      expect(c.fits).toBe(c.persons <= s.seatsFree);
    }
    // Ranked: those that fit first, then by the exposure an earlier departure saves.
    for (const [i, c] of s.candidates.slice(1).entries()) {
      const prev = s.candidates[i]!;
      expect(Number(prev.fits) >= Number(c.fits)).toBe(true);
      if (prev.fits === c.fits) expect(prev.exposureSaved).toBeGreaterThanOrEqual(c.exposureSaved);
    }
    // A case booked later to the same place whose member's document has lapsed by then is left off.
    const later = timetable.assignments
      .filter(
        (a) =>
          destinationOf.get(a.householdId) === movement.destinationId &&
          a.movementId &&
          dayOf.get(a.movementId)! > movement.day,
      )
      .map((a) => a.householdId);
    const all = await store.registry.snapshot(later);
    const lapsed = later.filter((id) =>
      all.persons
        .filter((p) => p.householdId === id)
        .some(
          (p) =>
            !all.documents.some(
              (d) => d.personId === p.id && d.expiry !== null && d.expiry >= movement.day,
            ),
        ),
    );
    expect(lapsed.length).toBeGreaterThan(0);
    for (const id of lapsed) expect(listed.has(id), id).toBe(false);
    expect(s.excluded.documents).toBeGreaterThanOrEqual(lapsed.length);
    expect((await store.audit.events(0, 1_000_000)).length).toBe(audit);
  });

  it('gives a no-show’s seat to a case that fits, which a planner then moves there', async () => {
    const before = await run(checkinStandby, 'movement-officer', { movementId: movement.id });
    const desk = await run(checkinDesk, 'movement-officer', { movementId: movement.id });
    const absent = desk.persons.find((p) => p.status === 'booked')!;
    await run(recordCheckin, 'movement-officer', {
      movementId: movement.id,
      personId: absent.personId,
      status: 'no-show',
    });
    const after = await run(checkinStandby, 'movement-officer', {
      movementId: movement.id,
      limit: 500,
    });
    expect(after.seatsFree).toBe(before.seatsFree + 1);
    const fitting = after.candidates.filter((c) => c.fits);
    expect(fitting.length).toBeGreaterThan(0);
    for (const c of fitting) expect(c.persons).toBeLessThanOrEqual(after.seatsFree);
    const chosen = fitting[0]!;
    await run(timetableReassignCase, 'planner', {
      case: chosen.case,
      movementId: movement.id,
      reason: 'standby for a no-show',
    });
    const filled = await run(checkinStandby, 'movement-officer', {
      movementId: movement.id,
      limit: 500,
    });
    expect(filled.candidates.map((c) => c.case)).not.toContain(chosen.case);
    expect(filled.seatsFree).toBe(after.seatsFree - chosen.persons);
  });

  it('refuses an unknown movement, one that has left, and a bad limit, with their reasons', async () => {
    await expect(
      run(checkinStandby, 'movement-officer', { movementId: 'M-999' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      run(checkinStandby, 'movement-officer', { movementId: movement.id, limit: 0 }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/limit/) });
    await store.movements.update(movement.id, { status: 'departed' }, undefined, {
      name: 't',
      role: 'admin',
    });
    await expect(
      run(checkinStandby, 'movement-officer', { movementId: movement.id }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/departed/) });
  });

  it('reports every plan’s exposure under sampled hazard paths, and plans risk-averse on request', async () => {
    const neutral = await run(timetableSchedule, 'planner', {});
    expect(neutral.risk.attitude).toBe('neutral');
    expect(neutral.risk.cvar90).toBeGreaterThan(neutral.risk.p90);
    expect(neutral.risk.p90).toBeGreaterThan(0);
    // The paths are drawn around the plan's own (mean) exposure.
    expect(Math.abs(neutral.risk.expected - neutral.exposure) / neutral.exposure).toBeLessThan(0.1);
    expect(neutral.firstReadyFirstServed.cvar90).toBeGreaterThan(0);
    const averse = await run(timetableSchedule, 'planner', { risk: 'averse' });
    expect(averse.risk.attitude).toBe('averse');
    // Reported with the mean hazard whichever it was planned against: comparable figures.
    expect(averse.firstReadyFirstServed.exposure).toBe(neutral.firstReadyFirstServed.exposure);
    await expect(run(timetableSchedule, 'planner', { risk: 'reckless' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/risk/),
    });
  });
});

/**
 * `corridor schedule` with candidate movements (issue 21 item 2): the destination with the most
 * allocated cases loses its fixed movements and is offered candidates instead; the plan books
 * some within the budget, on days inside their windows after the booking notice, and the booked
 * ones become planned movements that carry cases while the others stay on offer.
 */
import { addDays, daysBetween, generateDemo, type IsoDate } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { describe, expect, it } from 'vitest';
import { addCandidate } from '../candidate/add.js';
import { removeCandidate } from '../candidate/remove.js';
import { addMovement } from '../movement/add.js';
import { plannedOperation } from '../test-commands.js';
import { timetableSchedule } from './schedule.js';

const demo = generateDemo({ people: 200, seed: 4 });
const now = new Date('2026-12-07T10:00:00Z');
const seeder = { name: 'test-seed', role: 'admin' };

describe.each(backends)('schedule with candidate movements on $name', (backend) => {
  const t = plannedOperation(backend, demo, now, { schedule: false });

  it('books candidates that lower exposure, within budget and windows, each once', async () => {
    const allocation = (await t.store.plans.current('allocation'))!.assignments;
    const count = new Map<string, number>();
    for (const a of allocation)
      if (a.destinationId) count.set(a.destinationId, (count.get(a.destinationId) ?? 0) + 1);
    const [target] = [...count].sort((a, b) => b[1] - a[1])[0]!;
    for (const m of await t.store.movements.list())
      if (m.destinationId === target)
        await t.store.movements.update(m.id, { status: 'cancelled' }, undefined, seeder);
    const start = '2027-01-01' as IsoDate;
    const offers = [
      { id: 'CAND-A', earliestDay: '2027-02-01', latestDay: '2027-04-30', cost: '90000' },
      { id: 'CAND-B', earliestDay: '2027-01-05', latestDay: '2027-06-30', cost: '60000' },
      { id: 'CAND-C', earliestDay: '2027-03-01', latestDay: '2027-09-30', cost: '150000' },
      { id: 'CAND-D', earliestDay: '2027-01-10', latestDay: '2027-12-31', cost: '40000' },
    ];
    for (const o of offers)
      await t.run(addCandidate, 'planner', {
        ...o,
        to: target,
        seats: 40,
        currency: 'USD',
        leadTimeDays: 45,
      });
    // Nothing to spend: nothing booked; every candidate stays on offer.
    const none = await t.run(timetableSchedule, 'planner', { budget: '0', timeLimit: 5 });
    expect(none.candidates).toMatchObject({ chosen: [], totalCost: 0, budget: 0, offered: 4 });
    expect((await t.store.candidates.list()).every((c) => c.status === 'candidate')).toBe(true);

    const out = await t.run(timetableSchedule, 'planner', { budget: '150000', timeLimit: 5 });
    const c = out.candidates!;
    expect(c.chosen.length).toBeGreaterThan(0);
    expect(c.totalCost).toBeLessThanOrEqual(150_000);
    expect(c.totalCost).toBe(c.chosen.reduce((s, b) => s + b.cost, 0));
    expect(c.firstReadyFirstServed.totalCost).toBeLessThanOrEqual(150_000);
    expect(new Set(c.chosen.map((b) => b.id)).size).toBe(c.chosen.length);
    expect(c.exposure).toBeLessThan(none.candidates!.exposure);
    expect(c.weights).toEqual({ exposure: 1, cost: 1e-8, makespan: 1e-3 });
    for (const b of c.chosen) {
      const offer = offers.find((o) => o.id === b.id)!;
      expect(b.day >= offer.earliestDay && b.day <= offer.latestDay).toBe(true);
      // Booked on the plan's first day with 45 days' notice.
      expect(daysBetween(start, b.day as IsoDate)).toBeGreaterThanOrEqual(45);
      expect(b.day >= addDays(start, 45)).toBe(true);
    }
    // The booked ones are planned movements carrying cases; the others are still on offer.
    const plan = (await t.store.plans.current('timetable'))!;
    const stored = await t.store.candidates.list();
    for (const s of stored) {
      const b = c.chosen.find((x) => x.id === s.id);
      expect(s.status).toBe(b ? 'booked' : 'candidate');
      if (!b) continue;
      expect(s).toMatchObject({ bookedMovementId: s.id, bookedDay: b.day });
      const m = (await t.store.movements.get(s.id))!;
      expect(m).toMatchObject({ status: 'planned', destinationId: target, seats: 40 });
      expect(m.departAt.slice(0, 10)).toBe(b.day);
      expect(plan.assignments.some((a) => a.movementId === s.id)).toBe(true);
    }
    // A booked candidate is a movement now: not removed as an offer, its id not reused.
    const booked1 = c.chosen[0]!.id;
    await expect(t.run(removeCandidate, 'planner', { id: booked1 })).rejects.toMatchObject({
      status: 409,
    });
    const unbooked = stored.find((s) => s.status === 'candidate');
    if (unbooked)
      await expect(
        t.run(addMovement, 'planner', {
          id: unbooked.id,
          departAt: '2031-06-30T05:00:00+03:00',
          seats: 10,
        }),
      ).rejects.toMatchObject({ status: 409 });
    // A second run cannot book a booked candidate again.
    const again = await t.run(timetableSchedule, 'planner', { budget: '1000000', timeLimit: 5 });
    const booked = new Set(c.chosen.map((b) => b.id));
    expect(again.candidates!.chosen.some((b) => booked.has(b.id))).toBe(false);
  });
});

/**
 * What happened against the plan on a planned demo: one household boards and leaves as planned,
 * one has a no-show, a cancelled movement's households are re-planned; the comparison names each
 * cause and charges exposure up to the day each case really left.
 */
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordCheckin } from '../checkin/record.js';
import { updateMovement } from '../movement/update.js';
import { plannedOperation, type TestStore } from '../test-commands.js';
import { timetableReplan } from '../timetable/replan.js';
import { reportOutcome } from './outcome.js';

const demo = generateDemo({ people: 400, seed: 11 });
const now = new Date('2026-12-07T10:00:00Z');
const backend = backends.find((b) => b.name === 'pglite')!;

describe('what happened against the plan', () => {
  const t = plannedOperation(backend, demo, now);
  const run: TestStore['run'] = (command, role, input) => t.run(command, role, input);
  const fx = { left: '', noShow: '', cancelled: [] as string[], lastDay: '', leftDay: '' };

  beforeAll(async () => {
    const store = t.store;
    const plan = (await store.plans.current('timetable'))!;
    const movements = await store.movements.list();
    const casesOn = (id: string) =>
      plan.assignments.filter((a) => a.movementId === id).map((a) => a.householdId);
    const [first, second] = movements.filter((m) => casesOn(m.id).length >= 2);
    fx.lastDay = movements
      .map((m) => m.departAt.slice(0, 10))
      .sort()
      .at(-1)!;
    fx.leftDay = first!.departAt.slice(0, 10);
    [fx.left = '', fx.noShow = ''] = casesOn(first!.id);
    fx.cancelled = casesOn(second!.id);
    const members = async (c: string) =>
      (await store.checkin.list(first!.id)).filter((r) => r.householdId === c);
    for (const status of ['checked-in', 'boarded'] as const)
      for (const p of await members(fx.left))
        await run(recordCheckin, 'movement-officer', {
          movementId: first!.id,
          personId: p.personId,
          status,
        });
    await run(recordCheckin, 'movement-officer', {
      movementId: first!.id,
      personId: (await members(fx.noShow))[0]!.personId,
      status: 'no-show',
    });
    await run(updateMovement, 'movement-officer', { id: first!.id, status: 'departed' });
    await run(timetableReplan, 'planner', {
      events: [{ type: 'cancel-movement', movement: second!.id }],
    });
  }, 180_000);

  it('names each cause and charges exposure up to the day each case left', async () => {
    const out = await run(reportOutcome, 'auditor', { asOf: fx.lastDay });
    expect(out.baseline.version).toBe(1);
    expect(out.current.version).toBe(2);
    const leftPersons = (await t.store.registry.snapshot([fx.left])).persons.length;
    expect(out.departed.realised).toBe(leftPersons);
    expect(out.departed.planned).toBe(out.persons);
    // Everyone else is still in the camp on the last day.
    expect(out.atRisk.at(-1)).toEqual({
      day: fx.lastDay,
      planned: 0,
      realised: out.persons - leftPersons,
    });
    const leftPoint = out.atRisk.find((p) => p.day === fx.leftDay)!;
    expect(leftPoint.realised).toBe(out.persons - leftPersons);
    expect(out.exposure.realised).toBeGreaterThan(out.exposure.planned);
    expect(out.exposure.ratio).toBeCloseTo(out.exposure.realised / out.exposure.planned, 10);
    const causes = out.slips.byCause;
    expect(causes['no-show'].cases).toBe(1);
    // The cancelled movement's households, and any moved to make room for them.
    const causeOf = new Map(out.slips.list.map((c) => [c.caseId, c.cause]));
    for (const c of fx.cancelled) expect(causeOf.get(c), c).toBe('seat');
    expect(causeOf.get(fx.noShow)).toBe('no-show');
    expect(causeOf.has(fx.left)).toBe(false);
    expect(causes.seat.cases).toBeGreaterThanOrEqual(fx.cancelled.length);
    expect(Object.values(causes).reduce((s, c) => s + c.cases, 0)).toBe(out.slips.cases);
    expect(out.slips.persons).toBe(out.persons - leftPersons);
  });

  it('sees nothing slipped before the first movement was due, and refuses a bad baseline', async () => {
    const early = await run(reportOutcome, 'auditor', { asOf: '2027-01-02' });
    expect(early.slips.cases).toBe(0);
    expect(early.departed).toEqual({ planned: 0, realised: 0 });
    await expect(run(reportOutcome, 'auditor', { baseline: 999 })).rejects.toThrow(
      /plan 999 is not a timetable plan/,
    );
  });
});

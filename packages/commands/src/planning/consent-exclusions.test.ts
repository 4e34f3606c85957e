/**
 * Registration consent gates planning (issue 20): a case already past referral whose member
 * withdraws registration consent is left out of re-planning, allocation and the timetable, and
 * each answer names it; given again, the case is planned again.
 */
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { describe, expect, it } from 'vitest';
import { allocationRun } from '../allocation/run.js';
import { recordConsent } from '../consent/record.js';
import { plannedOperation } from '../test-commands.js';
import { timetableReplan } from '../timetable/replan.js';
import { timetableSchedule } from '../timetable/schedule.js';

const demo = generateDemo({ people: 150, seed: 23 });
const now = new Date('2026-12-07T10:00:00Z');

describe.each(backends)('planning without registration consent, on $name', (backend) => {
  const t = plannedOperation(backend, demo, now);

  it('leaves out a case past referral whose member withdrew registration consent, and says so', async () => {
    const timetable = (await t.store.plans.current('timetable'))!;
    const planned = new Set(
      timetable.assignments.filter((a) => a.movementId).map((a) => a.householdId),
    );
    // A case past referral, on a movement, with more than one member (one withdraws).
    const held = demo.households.find(
      (h) =>
        ['referred', 'accepted', 'exit-cleared'].includes(h.status) &&
        planned.has(h.id) &&
        demo.persons.filter((p) => p.householdId === h.id).length > 1,
    );
    const other = demo.households.find((h) => h.id !== held?.id && planned.has(h.id));
    expect(held && other).toBeTruthy();
    const who = demo.persons.find((p) => p.householdId === held!.id && !p.isHead)!;
    const consent = (decision: 'withdrawn' | 'given', date: string) =>
      t.run(recordConsent, 'registrar', {
        caseId: held!.id,
        personId: who.id,
        purpose: 'registration',
        decision,
        date,
      });
    await consent('withdrawn', '2026-12-01');
    const placed = async (kind: 'allocation' | 'timetable') =>
      new Set(
        (await t.store.plans.current(kind))!.assignments
          .filter((a) => (kind === 'timetable' ? a.movementId : a.destinationId))
          .map((a) => a.householdId),
      );

    const replan = await t.run(timetableReplan, 'planner', {
      events: [{ type: 'case-not-ready', case: other!.id, until: '2027-01-15' }],
      timeLimit: 2,
    });
    expect(replan).toMatchObject({ withoutConsent: 1, withoutConsentCases: [held!.id] });
    expect(await placed('timetable')).not.toContain(held!.id);

    const allocation = await t.run(allocationRun, 'planner', { timeLimit: 2 });
    expect(allocation).toMatchObject({ withoutConsent: 1, withoutConsentCases: [held!.id] });
    expect(await placed('allocation')).not.toContain(held!.id);
    const schedule = await t.run(timetableSchedule, 'planner', { timeLimit: 2 });
    expect(schedule).toMatchObject({ withoutConsent: 1, withoutConsentCases: [held!.id] });
    expect(await placed('timetable')).not.toContain(held!.id);
    expect(schedule.unplacedCases).not.toContain(held!.id);

    // Given again, the case is planned again and nothing is left out.
    await consent('given', '2026-12-05');
    const again = await t.run(allocationRun, 'planner', { timeLimit: 2 });
    expect(again).toMatchObject({ withoutConsent: 0, withoutConsentCases: [] });
    expect(await placed('allocation')).toContain(held!.id);
  }, 300_000);
});

/**
 * Pledges as they are negotiated (issue 22): destinations and pledges changed one at a time with a
 * history, bad periods refused with nothing written, and the value of one more place checked
 * against what the engine does when that place is given.
 */
import { generateDemo, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allocationRun } from '../allocation/run.js';
import type { CommandSpec } from '../define.js';
import { execute } from '../execute.js';
import { addDestination } from './add.js';
import { pledgeHistory } from './pledge-history.js';
import { removePledge } from './pledge-remove.js';
import { setPledge } from './pledge-set.js';
import { pledgeValue } from './pledge-value.js';
import { updateDestination } from './update.js';

const demo = generateDemo({ people: 300, seed: 11 });
const seeder = { name: 'test-seed', role: 'admin' };
const now = new Date('2026-12-07T10:00:00Z');
const as = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });

describe.each(backends)('negotiating destinations and pledges on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, seeder);
  });
  afterEach(async () => close());

  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ) => execute(command, { actor: as(role), store, now }, input);
  const counts = async () => ({
    destinations: (await store.registry.destinations()).length,
    pledges: JSON.stringify(await store.registry.pledges()),
    history: (await store.pledges.changes()).length,
    audit: (await store.audit.events(0, 1_000_000)).length,
  });

  it('adds, edits and removes with a history of who, why, before and after', async () => {
    const added = await run(addDestination, 'planner', {
      id: 'NZ',
      country: 'NZL',
      name: 'New Zealand',
      languages: ['en'],
      reason: 'first offer, letter of 3 March',
    });
    expect(added.change).toMatchObject({ kind: 'destination', action: 'added', before: null });
    const edited = await run(updateDestination, 'admin', {
      id: 'NZ',
      leadTimeDays: 45,
      reason: 'interview round added',
    });
    expect(edited.change?.before).toMatchObject({ leadTimeDays: 0, name: 'New Zealand' });
    expect(edited.change?.after).toMatchObject({ leadTimeDays: 45, name: 'New Zealand' });
    const same = await run(updateDestination, 'admin', {
      id: 'NZ',
      leadTimeDays: 45,
      reason: 'again',
    });
    expect(same).toEqual({ changed: false, change: null });
    const pledge = {
      destinationId: 'NZ',
      periodStart: '2027-01-01',
      periodEnd: '2027-06-30',
      persons: 60,
      cases: 15,
      reason: 'agreed on the phone',
    };
    await run(setPledge, 'planner', pledge);
    await run(setPledge, 'planner', { ...pledge, persons: 80, reason: 'raised after the visit' });
    expect((await store.registry.pledges()).filter((p) => p.destinationId === 'NZ')).toEqual(
      [{ ...pledge, persons: 80, medicalPlaces: 0, reason: undefined }].map(
        ({ reason: _r, ...p }) => p,
      ),
    );
    await run(removePledge, 'planner', {
      destinationId: 'NZ',
      periodStart: '2027-01-01',
      reason: 'withdrawn',
    });
    const history = await run(pledgeHistory, 'auditor', { destinationId: 'NZ' });
    expect(history.map((h) => [h.kind, h.action, h.actor, h.reason])).toEqual([
      ['pledge', 'removed', 't-planner', 'withdrawn'],
      ['pledge', 'changed', 't-planner', 'raised after the visit'],
      ['pledge', 'added', 't-planner', 'agreed on the phone'],
      ['destination', 'changed', 't-admin', 'interview round added'],
      ['destination', 'added', 't-planner', 'first offer, letter of 3 March'],
    ]);
    expect(history[1]).toMatchObject({ before: { persons: 60 }, after: { persons: 80 } });
    const actions = (await store.audit.events(0, 1_000_000)).map((e) => e.action);
    expect(actions.filter((a) => a === 'pledge.set')).toHaveLength(2);
    expect(actions.filter((a) => a === 'pledge.remove')).toHaveLength(1);
  });

  it('refuses a bad period, an overlap, an unknown destination and another role, writing nothing', async () => {
    const [d] = await store.registry.destinations();
    const [first] = (await store.registry.pledges()).filter((p) => p.destinationId === d!.id);
    const before = await counts();
    const base = { destinationId: d!.id, persons: 10, cases: 2, reason: 'try' };
    await expect(
      run(setPledge, 'planner', { ...base, periodStart: '2028-05-01', periodEnd: '2028-04-01' }),
    ).rejects.toThrow(/periodEnd: 2028-04-01 is before periodStart 2028-05-01/);
    await expect(
      run(setPledge, 'planner', {
        ...base,
        periodStart: '1999-01-01',
        periodEnd: first!.periodStart,
      }),
    ).rejects.toThrow(/overlaps the pledge of/);
    await expect(
      run(setPledge, 'planner', {
        ...base,
        destinationId: 'XX',
        periodStart: '2040-01-01',
        periodEnd: '2040-02-01',
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      run(addDestination, 'planner', { id: d!.id, country: 'DEU', name: 'again', reason: 'dup' }),
    ).rejects.toMatchObject({ status: 409 });
    for (const role of ['auditor', 'registrar', 'movement-officer', 'protection-officer'] as const)
      await expect(
        run(setPledge, role, { ...base, periodStart: '2040-01-01', periodEnd: '2040-02-01' }),
      ).rejects.toMatchObject({ status: 403 });
    await expect(run(updateDestination, 'planner', { id: d!.id, reason: 'x' })).rejects.toThrow(
      /reason/,
    );
    expect(await counts()).toEqual(before);
  });

  it('says what one more place is worth, and the places it names do move the households it names', async () => {
    await run(allocationRun, 'planner', { timeLimit: 3 });
    const values = await run(pledgeValue, 'planner', { top: 5 });
    expect(values).toHaveLength((await store.registry.destinations()).length);
    for (const v of values) {
      expect(v.used.persons).toBeLessThanOrEqual(v.capacity.persons);
      for (const w of v.wouldMove) expect(w.from).not.toBe(v.destinationId);
    }
    const scarce = values
      .filter((v) => v.wouldMove.length > 0)
      .sort((a, b) => b.prices.persons - a.prices.persons)[0];
    expect(scarce, 'the demo has a destination short of places').toBeDefined();
    expect(scarce!.prices.persons + scarce!.prices.cases).toBeGreaterThan(0);
    // Give that destination the places its first waiting household needs, in a new period.
    const w = scarce!.wouldMove[0]!;
    const last = (await store.registry.pledges())
      .filter((p) => p.destinationId === scarce!.destinationId)
      .map((p) => p.periodEnd)
      .sort()
      .at(-1)!;
    const day = new Date(`${last}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    const start = day.toISOString().slice(0, 10);
    await run(setPledge, 'planner', {
      destinationId: scarce!.destinationId,
      periodStart: start,
      periodEnd: start,
      persons: w.persons * 3,
      cases: 3,
      medicalPlaces: 3,
      reason: 'what the negotiator asked for',
    });
    await run(allocationRun, 'planner', { timeLimit: 3 });
    const plan = await store.plans.current('allocation');
    const moved = scarce!.wouldMove.filter(
      (m) =>
        plan!.assignments.find((a) => a.householdId === m.case)?.destinationId ===
        scarce!.destinationId,
    );
    expect(
      moved.length,
      `one of ${scarce!.wouldMove.map((m) => m.case).join(', ')} moves to ${scarce!.destinationId}`,
    ).toBeGreaterThan(0);
  });
});

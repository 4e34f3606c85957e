/**
 * Candidate movements (issue 21 item 2): stored, listed and removed with an audit event each;
 * impossible offers refused naming the field and reason, nothing written.
 */
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { describe, expect, it } from 'vitest';
import { freshOperation } from '../test-commands.js';
import { addCandidate } from './add.js';
import { listCandidates } from './list.js';
import { removeCandidate } from './remove.js';

const demo = generateDemo({ people: 40, seed: 3 });
// The demo's window opens on 2027-01-01, after this clock: that is the as-of day.
const now = new Date('2026-12-07T10:00:00Z');
const offer = {
  id: 'OFFER-1',
  seats: 150,
  earliestDay: '2027-03-01',
  latestDay: '2027-03-20',
  cost: '120000',
  currency: 'USD',
  leadTimeDays: 21,
};

describe.each(backends)('candidate movements on $name', (backend) => {
  const t = freshOperation(backend, demo, now);

  it('adds a candidate with its cost in minor units, lists it, and removes it, audited', async () => {
    const before = await t.auditCount();
    const added = await t.run(addCandidate, 'planner', { ...offer, to: demo.destinations[0]!.id });
    expect(added).toMatchObject({
      id: 'OFFER-1',
      kind: 'charter',
      destinationId: demo.destinations[0]!.id,
      seats: 150,
      baggageKg: 150 * 23,
      costMinor: 12_000_000,
      currency: 'USD',
      cost: '120,000.00 USD',
      departTime: '08:00',
      status: 'candidate',
      bookedMovementId: null,
    });
    expect(await t.auditCount()).toBe(before + 1);
    const { candidates } = await t.run(listCandidates, 'auditor', {});
    expect(candidates.map((c) => c.id)).toEqual(['OFFER-1']);
    expect(await t.run(removeCandidate, 'admin', { id: 'OFFER-1' })).toEqual({
      removed: 'OFFER-1',
    });
    expect((await t.run(listCandidates, 'planner', {})).candidates).toEqual([]);
    expect(await t.auditCount()).toBe(before + 2);
  });

  it.each([
    [{ seats: 0 }, /OFFER-1 not added: seats must be at least 1, not 0/],
    [{ seats: -5 }, /seats must be at least 1, not -5/],
    [{ latestDay: '2027-02-27' }, /latestDay 2027-02-27 is before earliestDay 2027-03-01/],
    [
      { earliestDay: '2027-01-01', latestDay: '2027-01-10', leadTimeDays: 30 },
      /leadTimeDays 30: booked on 2027-01-01, it could depart on 2027-01-31 at the earliest, after the window's last day 2027-01-10/,
    ],
    [{ cost: '12x' }, /cost "12x" must be an amount/],
    [{ currency: 'XXQ' }, /currency "XXQ" must be an ISO 4217 currency code/],
    [{ to: 'NOWHERE' }, /to: no destination NOWHERE/],
  ])('refuses %j naming the field and reason, and writes nothing', async (bad, message) => {
    const before = await t.auditCount();
    const refusal = t.run(addCandidate, 'planner', { ...offer, ...bad });
    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.toMatchObject({ status: 400 });
    expect(await t.store.candidates.get('OFFER-1')).toBeUndefined();
    expect(await t.auditCount()).toBe(before);
  });

  it('keeps one currency across candidates and refuses a used id', async () => {
    await t.run(addCandidate, 'planner', offer);
    await expect(
      t.run(addCandidate, 'planner', { ...offer, id: 'OFFER-2', currency: 'EUR' }),
    ).rejects.toThrow(/currency EUR differs from the other candidates' USD/);
    await expect(t.run(addCandidate, 'planner', offer)).rejects.toMatchObject({ status: 409 });
    expect((await t.store.candidates.list()).map((c) => c.id)).toEqual(['OFFER-1']);
  });

  it('lets planners and admins write candidates, not movement officers or auditors', async () => {
    await expect(t.run(addCandidate, 'movement-officer', offer)).rejects.toMatchObject({
      status: 403,
    });
    await expect(t.run(addCandidate, 'auditor', offer)).rejects.toMatchObject({ status: 403 });
    expect(await t.store.candidates.get('OFFER-1')).toBeUndefined();
    await t.run(addCandidate, 'admin', offer);
    await expect(t.run(removeCandidate, 'registrar', { id: 'OFFER-1' })).rejects.toMatchObject({
      status: 403,
    });
  });
});

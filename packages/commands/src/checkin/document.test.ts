/**
 * The desk's document check on a planned demo movement: the registered passport passes; a wrong
 * check digit, another person's passport and one expiring before arrival are refused by field; the
 * answer and the audit log never carry the registered values or the zone itself.
 */
import { buildTd3, generateDemo, type Role } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { beforeAll, describe, expect, it } from 'vitest';
import { updatePerson } from '../person/update.js';
import { plannedOperation, type TestStore } from '../test-commands.js';
import { checkinDesk } from './desk.js';
import { checkinDocument } from './document.js';

const demo = generateDemo({ people: 150, seed: 7 });
const now = new Date('2026-12-07T10:00:00Z');
const backend = backends.find((b) => b.name === 'pglite')!;

describe('the desk checks a travel document', () => {
  const t = plannedOperation(backend, demo, now);
  const run: TestStore['run'] = (command, role, input) => t.run(command, role, input);
  /** A booked passenger whose registered passport is valid on arrival, and another one. */
  let fx: {
    movementId: string;
    personId: string;
    mrz: [string, string];
    other: [string, string];
    family: string;
    birthDate: string;
  };

  beforeAll(async () => {
    const store = t.store;
    for (const m of await store.movements.list()) {
      const desk = await run(checkinDesk, 'movement-officer', { movementId: m.id });
      const snapshot = await store.registry.snapshot([
        ...new Set(desk.persons.map((p) => p.householdId)),
      ]);
      const withPassport = snapshot.documents.filter(
        (d) => d.mrz && d.expiry && d.expiry > m.departAt.slice(0, 10),
      );
      if (withPassport.length < 2) continue;
      const [one, two] = withPassport;
      const pii = snapshot.persons.find((p) => p.id === one!.personId)!.pii!;
      fx = {
        movementId: m.id,
        personId: one!.personId,
        mrz: [...one!.mrz!] as [string, string],
        other: [...two!.mrz!] as [string, string],
        family: pii.familyName,
        birthDate: pii.birthDate ?? '',
      };
      break;
    }
    expect(fx).toBeDefined();
    expect(fx.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  const check = (mrz: [string, string], role: Role = 'movement-officer') =>
    run(checkinDocument, role, { movementId: fx.movementId, personId: fx.personId, mrz });

  it('accepts the registered passport, typed with spaces and in lower case', async () => {
    const typed: [string, string] = [fx.mrz[0].toLowerCase(), fx.mrz[1].replace(/(.{11})/, '$1 ')];
    const out = await check(typed);
    expect(out.problems).toEqual([]);
    expect(out).toMatchObject({
      valid: true,
      checks: {
        checkDigits: true,
        registered: true,
        name: true,
        birthDate: true,
        validForTravel: true,
      },
    });
  });

  it('refuses a wrong check digit, another passport and one expiring before arrival', async () => {
    const digit = fx.mrz[1][9] === '0' ? '1' : '0';
    const wrong = await check([fx.mrz[0], fx.mrz[1].slice(0, 9) + digit + fx.mrz[1].slice(10)]);
    expect(wrong.valid).toBe(false);
    expect(wrong.checks.checkDigits).toBe(false);
    expect(wrong.problems.map((p) => p.field)).toContain('document number');

    const other = await check(fx.other);
    expect(other.valid).toBe(false);
    expect(other.checks).toMatchObject({ checkDigits: true, registered: false, name: false });

    const l2 = fx.mrz[1];
    const expired = buildTd3({
      documentCode: 'P',
      issuer: fx.mrz[0].slice(2, 5).replace(/</g, ''),
      surname: fx.mrz[0].slice(5).split('<<')[0]!.replace(/</g, ' '),
      givenNames: fx.mrz[0].slice(5).split('<<').slice(1).join(' ').replace(/</g, ' ').trim(),
      number: l2.slice(0, 9).replace(/</g, ''),
      nationality: l2.slice(10, 13).replace(/</g, ''),
      birthDate: fx.birthDate,
      sex: l2[20] === '<' ? 'X' : (l2[20] as 'M' | 'F'),
      expiryDate: '2027-01-01',
      personalNumber: '',
    });
    const late = await check(expired);
    expect(late.checks).toMatchObject({
      checkDigits: true,
      registered: true,
      name: true,
      birthDate: true,
      validForTravel: false,
    });
    expect(late.problems).toEqual([
      expect.objectContaining({
        field: 'date of expiry',
        reason: expect.stringMatching(/^2027-01-01 is before the arrival/),
      }),
    ]);
    // Nothing registered comes back: not the name, not the date of birth.
    for (const out of [wrong, other, late]) {
      expect(JSON.stringify(out)).not.toContain(fx.birthDate);
      expect(JSON.stringify(out).toUpperCase()).not.toContain(fx.family.toUpperCase());
    }
  });

  it('does not compare a name registered only in Arabic script, and checks the rest', async () => {
    await run(updatePerson, 'registrar', {
      id: fx.personId,
      version: 1,
      givenName: 'أمل',
      familyName: 'حداد',
      reason: 'the name as the family writes it',
    });
    const out = await check(fx.mrz);
    expect(out.checks).toEqual({
      checkDigits: true,
      registered: true,
      name: null,
      birthDate: true,
      validForTravel: true,
    });
    expect(out.valid).toBe(true);
    // Another passport still fails on what can be compared.
    expect((await check(fx.other)).valid).toBe(false);
  });

  it('keeps the verdict in the audit log, not the zone', async () => {
    const before = (await t.store.audit.events(0, 1_000_000)).length;
    await check(fx.other);
    const [event, ...rest] = (await t.store.audit.events(0, 1_000_000)).slice(before);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      action: 'checkin.document',
      entityId: fx.personId,
      detail: { movementId: fx.movementId, valid: false },
    });
    expect(JSON.stringify(event)).not.toContain(fx.other[1].slice(0, 9));
  });

  it('is refused to roles that do not run the desk, and for a person not booked', async () => {
    await expect(check(fx.mrz, 'auditor')).rejects.toThrow(/may not/);
    await expect(
      run(checkinDocument, 'admin', {
        movementId: fx.movementId,
        personId: 'P-99999',
        mrz: fx.mrz,
      }),
    ).rejects.toThrow(/P-99999/);
  });
});

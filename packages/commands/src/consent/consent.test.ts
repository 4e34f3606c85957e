import { generateDemo, generateDemoMovements, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends, rawDatabaseFiles } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CommandSpec } from '../define.js';
import { listDisclosures } from '../disclosure/list.js';
import { execute } from '../execute.js';
import { transitionCase } from '../case/transition.js';
import { generateManifest } from '../manifest/generate.js';
import { erasePerson } from '../person/erase.js';
import { exportRegistryFile } from '../registry/export.js';
import { declareBasis } from './basis.js';
import { listConsent } from './list.js';
import { recordConsent } from './record.js';
import { consentGaps, requireConsent } from './require.js';

const demo = generateDemo({ people: 60, seed: 4 });
const seeder = { name: 'test-seed', role: 'admin' };
const now = new Date('2027-03-01T10:00:00Z');
const as = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });
const onBoard = demo.households.filter((h) => h.status !== 'on-hold').slice(0, 3);
const home = onBoard[0]!;
const members = demo.persons.filter((p) => p.householdId === home.id);
const passengers = demo.persons.filter((p) => onBoard.some((h) => h.id === p.householdId));
const secret = 'Withdrew after the threat at the water point';

describe.each(backends)('consent and the disclosure log on $name', (backend) => {
  let store: Store;
  let dataDir: string;
  let close: () => Promise<void>;
  const [movement] = generateDemoMovements(demo.destinations, demo.pledges);
  beforeEach(async () => {
    ({ store, dataDir, close } = await backend.fresh());
    await store.registry.createOperation(demo, seeder);
    await store.movements.add([{ ...movement!, carrier: 'XY', flightNumber: '123' }], seeder);
    await store.plans.save(
      {
        kind: 'timetable',
        params: {},
        summary: {},
        assignments: onBoard.map((h) => ({
          householdId: h.id,
          destinationId: movement!.destinationId,
          movementId: movement!.id,
          locked: false,
          reason: 'test',
        })),
      },
      seeder,
    );
  });
  afterEach(async () => close());

  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ) => execute(command, { actor: as(role), store, now }, input);
  const counts = async () => ({
    audit: (await store.audit.events(0, 1_000_000)).length,
    consents: Number(
      (
        await store.db
          .selectFrom('consents')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    disclosures: (await store.consent.disclosures({ limit: 10_000 })).length,
  });

  /** The bytes on disk: the data folder (PGlite) or every relation file (PostgreSQL). */
  const rawBytes = async () => Buffer.concat(await rawDatabaseFiles(backend.name, store, dataDir));

  it('keeps the demo’s consents from registration, with a few refusals', async () => {
    const all = await store.consent.history({ personIds: demo.persons.map((p) => p.id) });
    expect(all.length).toBe(demo.consents!.length);
    expect(all.filter((r) => r.decision === 'refused').length).toBeGreaterThan(0);
    expect(
      await consentGaps(
        { store },
        passengers.map((p) => p.id),
        'carrier-sharing',
      ),
    ).toEqual([]);
    const listed = await run(listConsent, 'planner', { caseId: home.id });
    expect(listed.persons.map((p) => p.personId)).toEqual(members.map((p) => p.id));
    expect(listed.persons[0]!.current.find((c) => c.purpose === 'carrier-sharing')).toMatchObject({
      decision: 'given',
      actor: 'test-seed',
    });
  });

  it('records for a whole case or one member; the latest counts, the history stays', async () => {
    const one = members[0]!.id;
    const all = await run(recordConsent, 'registrar', {
      caseId: home.id,
      purpose: 'referral',
      state: 'DEU',
      decision: 'given',
      date: '2027-02-01',
    });
    expect(all.recorded.map((r) => r.personId)).toEqual(members.map((p) => p.id));
    await run(recordConsent, 'protection-officer', {
      caseId: home.id,
      personId: one,
      purpose: 'referral',
      state: 'DEU',
      decision: 'withdrawn',
      date: '2027-02-20',
      note: secret,
    });
    const listed = await run(listConsent, 'registrar', { caseId: home.id });
    const current = (id: string) =>
      listed.persons
        .find((p) => p.personId === id)!
        .current.find((c) => c.purpose === 'referral' && c.state === 'DEU');
    expect(current(one)).toMatchObject({ decision: 'withdrawn', date: '2027-02-20' });
    const history = listed.history.filter((r) => r.personId === one && r.state === 'DEU');
    expect(history.map((r) => [r.decision, r.actor, r.note])).toEqual([
      ['given', 't-registrar', null],
      ['withdrawn', 't-protection-officer', secret],
    ]);
    await expect(requireConsent({ store }, [one], 'referral', 'DEU')).rejects.toMatchObject({
      status: 409,
      id: 'no-consent',
      message: expect.stringContaining(
        `${one} (${home.id}): consent for referral to DEU withdrawn`,
      ),
    });
    if (members[1])
      await expect(
        requireConsent({ store }, [members[1].id], 'referral', 'DEU'),
      ).resolves.toMatchObject({ basis: 'consent', label: 'referral' });
    // The note is personal data: a planner or an auditor sees the decision, not the note.
    for (const role of ['planner', 'auditor', 'movement-officer'] as const) {
      const seen = await run(listConsent, role, { caseId: home.id });
      expect(JSON.stringify(seen)).not.toContain('water point');
    }
    // The audit log holds counts and codes, never the note.
    const audit = (await store.audit.events(0, 1_000_000)).at(-1)!;
    expect(audit).toMatchObject({ action: 'consent.record', entityId: home.id });
    expect(JSON.stringify(audit.detail)).not.toContain('water point');
    // On disk the note is sealed: the same attack finds a clear-text field of the same row.
    const disk = await rawBytes();
    expect(disk.includes('t-protection-officer')).toBe(true);
    expect(disk.includes('water point')).toBe(false);
    // Erasing the person erases the note with their key; the decision stays.
    await run(erasePerson, 'protection-officer', { id: one });
    const after = await run(listConsent, 'registrar', { caseId: home.id });
    expect(after.history.filter((r) => r.personId === one).at(-1)).toMatchObject({
      decision: 'withdrawn',
      note: '(erased)',
    });
    // A whole case is recorded for its living members; the erased one is refused by name.
    const whole = run(recordConsent, 'registrar', {
      caseId: home.id,
      purpose: 'messages',
      decision: 'given',
    });
    if (members.length > 1)
      expect((await whole).recorded.map((r) => r.personId)).toEqual(
        members.filter((m) => m.id !== one).map((m) => m.id),
      );
    else
      await expect(whole).rejects.toMatchObject({
        message: expect.stringMatching(/at caseId: .* no member whose data was not erased/),
      });
    await expect(
      run(recordConsent, 'registrar', {
        caseId: home.id,
        personId: one,
        purpose: 'messages',
        decision: 'given',
      }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`${one}: their personal data was erased`),
    });
  });

  it('refuses bad input and other roles naming the field, and writes nothing', async () => {
    const before = await counts();
    const base = { caseId: home.id, purpose: 'messages', decision: 'given' };
    const cases: [Role, Record<string, unknown>, RegExp][] = [
      ['registrar', { purpose: 'referral' }, /at state: a referral names the destination state/],
      ['registrar', { state: 'DEU' }, /at state: only a referral names a state, not messages/],
      ['registrar', { purpose: 'selling' }, /at purpose: must be one of registration, referral/],
      ['registrar', { decision: 'maybe' }, /at decision: must be one of given, refused, withdrawn/],
      ['registrar', { date: '2027-02-30' }, /at date: must be a real date/],
      ['registrar', { date: '2027-03-02' }, /at date: must not be in the future/],
      ['registrar', { purpose: 'referral', state: 'XYZ' }, /at state: must be an ISO 3166-1/],
      ['registrar', { personId: 'P-99999' }, /at personId: P-99999 is not a member of case/],
      ['registrar', { caseId: 'C-9999' }, /case C-9999 not found/],
      ['planner', {}, /not permitted: role planner may not consent.record/],
      ['movement-officer', {}, /not permitted: role movement-officer may not consent.record/],
      ['auditor', {}, /not permitted: role auditor may not consent.record/],
    ];
    for (const [role, change, message] of cases)
      await expect(run(recordConsent, role, { ...base, ...change })).rejects.toMatchObject({
        message: expect.stringMatching(message),
      });
    expect(await counts()).toEqual(before);
  });

  it('refuses a manifest for passengers without carrier-sharing consent, naming them; nothing disclosed', async () => {
    const refuser = passengers.at(-1)!;
    await run(recordConsent, 'registrar', {
      caseId: refuser.householdId,
      personId: refuser.id,
      purpose: 'carrier-sharing',
      decision: 'refused',
    });
    const before = await counts();
    for (const format of ['csv', 'paxlst', 'pdf', 'json'])
      await expect(
        run(generateManifest, 'movement-officer', { movementId: movement!.id, format }),
      ).rejects.toMatchObject({
        status: 409,
        id: 'no-consent',
        message: expect.stringContaining(
          `${refuser.id} (${refuser.householdId}): consent for carrier-sharing refused`,
        ),
      });
    expect(await counts()).toEqual(before);
    // Consent given again: the file is made and the disclosure logged with every passenger.
    await run(recordConsent, 'protection-officer', {
      caseId: refuser.householdId,
      personId: refuser.id,
      purpose: 'carrier-sharing',
      decision: 'given',
    });
    const edi = await run(generateManifest, 'movement-officer', {
      movementId: movement!.id,
      format: 'paxlst',
    });
    expect(edi.content.toString()).toMatch(/^UNA/);
    await run(generateManifest, 'admin', { movementId: movement!.id, format: 'csv' });
    const log = await run(listDisclosures, 'protection-officer', {});
    expect(log.disclosures.map((d) => [d.kind, d.format, d.subject, d.persons])).toEqual([
      ['manifest', 'csv', movement!.id, passengers.length],
      ['paxlst', 'paxlst', movement!.id, passengers.length],
    ]);
    expect(log.disclosures[1]!.recipient).toMatch(/^carrier XY/);
    expect(log.disclosures[0]!.recipient).toBe('download by t-admin (admin)');
    expect(log.disclosures[1]!.personIds).toEqual(passengers.map((p) => p.id).sort());
    expect(log.disclosures[1]).toMatchObject({
      purpose: 'carrier-sharing',
      actor: 't-movement-officer',
    });
  });

  it('logs exports of persons, filters by case, kind and day, and shows the log to its readers only', async () => {
    await run(exportRegistryFile, 'registrar', { what: 'persons', format: 'csv' });
    await run(exportRegistryFile, 'planner', { what: 'timetable', format: 'csv' });
    await run(generateManifest, 'movement-officer', { movementId: movement!.id, format: 'json' });
    const all = (await run(listDisclosures, 'auditor', {})).disclosures;
    expect(all.map((d) => d.kind)).toEqual(['manifest', 'registry-export']);
    expect(all[1]).toMatchObject({ subject: 'persons', persons: demo.persons.length });
    const other = demo.households.find((h) => !onBoard.includes(h))!;
    const ofCase = (caseId: string) => run(listDisclosures, 'admin', { caseId });
    expect((await ofCase(home.id)).disclosures.map((d) => d.kind)).toEqual([
      'manifest',
      'registry-export',
    ]);
    expect((await ofCase(other.id)).disclosures.map((d) => d.kind)).toEqual(['registry-export']);
    const kind = await run(listDisclosures, 'admin', { kind: 'manifest', limit: '5' });
    expect(kind.disclosures).toHaveLength(1);
    expect((await run(listDisclosures, 'admin', { to: '2027-02-28' })).disclosures).toEqual([]);
    expect((await run(listDisclosures, 'admin', { from: '2027-03-01' })).disclosures).toHaveLength(
      2,
    );
    for (const role of ['registrar', 'planner', 'movement-officer'] as const)
      await expect(run(listDisclosures, role, {})).rejects.toMatchObject({ status: 403 });
    await expect(run(listDisclosures, 'admin', { kind: 'gossip' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at kind:/),
    });
  });

  it('refuses an export for a destination state unless everyone sent there gave referral consent', async () => {
    const destination = demo.destinations[0]!;
    const state = destination.country;
    await store.plans.save(
      {
        kind: 'allocation',
        params: {},
        summary: {},
        assignments: onBoard.map((h) => ({
          householdId: h.id,
          destinationId: destination.id,
          movementId: null,
          locked: false,
          reason: 'test',
        })),
      },
      seeder,
    );
    for (const h of onBoard)
      await run(recordConsent, 'registrar', {
        caseId: h.id,
        purpose: 'referral',
        state,
        decision: 'given',
      });
    const doubter = passengers[1]!;
    await run(recordConsent, 'protection-officer', {
      caseId: doubter.householdId,
      personId: doubter.id,
      purpose: 'referral',
      state,
      decision: 'withdrawn',
    });
    const before = await counts();
    const input = { what: 'persons', format: 'csv', destination: destination.id };
    await expect(run(exportRegistryFile, 'registrar', input)).rejects.toMatchObject({
      status: 409,
      id: 'no-consent',
      message: expect.stringContaining(
        `${doubter.id} (${doubter.householdId}): consent for referral to ${state} withdrawn`,
      ),
    });
    expect(await counts()).toEqual(before);
    await expect(
      run(exportRegistryFile, 'registrar', { ...input, what: 'plan' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at destination:/) });
    await expect(
      run(exportRegistryFile, 'registrar', { ...input, destination: 'NOWHERE' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await counts()).toEqual(before);
    await run(recordConsent, 'protection-officer', {
      caseId: doubter.householdId,
      personId: doubter.id,
      purpose: 'referral',
      state,
      decision: 'given',
    });
    const file = await run(exportRegistryFile, 'registrar', input);
    const lines = file.content.toString().trim().split('\n');
    expect(lines).toHaveLength(passengers.length + 1);
    const [logged] = (await run(listDisclosures, 'auditor', { kind: 'registry-export' }))
      .disclosures;
    expect(logged).toMatchObject({
      recipient: `state ${state} (destination ${destination.id}), download by t-registrar (registrar)`,
      purpose: 'referral',
      persons: passengers.length,
      personIds: passengers.map((p) => p.id).sort(),
    });
  });

  it('refuses to refer a case while a member refused or withdrew registration, naming them; never asked passes', async () => {
    const verified = demo.households.filter(
      (h) =>
        h.status === 'verified' && demo.persons.filter((p) => p.householdId === h.id).length > 1,
    );
    const [held, unasked] = verified as [(typeof verified)[number], (typeof verified)[number]];
    const who = demo.persons.find((p) => p.householdId === held.id && !p.isHead)!;
    const refer = (id: string) =>
      run(transitionCase, 'planner', { id, to: 'referred', reason: 'referral to the host state' });
    await run(recordConsent, 'registrar', {
      caseId: held.id,
      personId: who.id,
      purpose: 'registration',
      decision: 'withdrawn',
      date: '2027-02-20',
    });
    const before = await counts();
    await expect(refer(held.id)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining(
        `${who.id} (${held.id}): consent for registration withdrawn`,
      ),
    });
    expect(await counts()).toEqual(before);
    expect((await store.registry.household(held.id))!.status).toBe('verified');
    // Given again, the referral goes.
    await run(recordConsent, 'registrar', {
      caseId: held.id,
      personId: who.id,
      purpose: 'registration',
      decision: 'given',
      date: '2027-02-25',
    });
    await expect(refer(held.id)).resolves.toMatchObject({ case: held.id, to: 'referred' });
    // Members never asked (as after an import, which records no consent) are not refused.
    await store.db
      .deleteFrom('consents')
      .where(
        'person_id',
        'in',
        demo.persons.filter((p) => p.householdId === unasked.id).map((p) => p.id),
      )
      .execute();
    await expect(refer(unasked.id)).resolves.toMatchObject({ case: unasked.id, to: 'referred' });
  });

  it('lets the operation declare vital interests for a purpose, shown and logged, and go back to consent', async () => {
    const refuser = passengers[0]!;
    await run(recordConsent, 'registrar', {
      caseId: refuser.householdId,
      personId: refuser.id,
      purpose: 'carrier-sharing',
      decision: 'refused',
    });
    const manifest = { movementId: movement!.id, format: 'csv' };
    await expect(run(generateManifest, 'admin', manifest)).rejects.toMatchObject({
      id: 'no-consent',
    });
    const before = await counts();
    const declaration = {
      purpose: 'carrier-sharing',
      basis: 'vital-interests',
      reason: 'evacuation under fire: passengers cannot all be asked',
    };
    for (const role of ['registrar', 'planner', 'movement-officer', 'auditor'] as const)
      await expect(run(declareBasis, role, declaration)).rejects.toMatchObject({ status: 403 });
    await expect(
      run(declareBasis, 'admin', { ...declaration, reason: 'short' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at reason:/) });
    await expect(
      run(declareBasis, 'admin', { ...declaration, state: 'DEU' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at state:/) });
    expect(await counts()).toEqual(before);
    await run(declareBasis, 'protection-officer', declaration);
    await run(generateManifest, 'admin', manifest);
    const [logged] = (await run(listDisclosures, 'auditor', {})).disclosures;
    expect(logged).toMatchObject({
      kind: 'manifest',
      purpose: 'carrier-sharing (vital-interests)',
      persons: passengers.length,
    });
    const shown = await run(listConsent, 'planner', { caseId: refuser.householdId });
    expect(shown.bases.map((b) => [b.purpose, b.basis, b.actor])).toEqual([
      ['carrier-sharing', 'vital-interests', 't-protection-officer'],
    ]);
    await run(declareBasis, 'admin', {
      ...declaration,
      basis: 'consent',
      reason: 'the fire stopped',
    });
    await expect(run(generateManifest, 'admin', manifest)).rejects.toMatchObject({
      id: 'no-consent',
      message: expect.stringContaining(`${refuser.id} (${refuser.householdId})`),
    });
  });
});

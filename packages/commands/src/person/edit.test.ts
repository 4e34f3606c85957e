import { generateDemo, roles, rolesAllowed, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends, rawDatabaseFiles } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { showCase } from '../case/show.js';
import type { AnyCommand, CommandSpec } from '../define.js';
import { operationStatus } from '../operation/status.js';
import { execute } from '../execute.js';
import { addPerson } from './add.js';
import { removePerson } from './remove.js';
import { updatePerson } from './update.js';

const demo = generateDemo({ people: 40, seed: 3 });
const seeder = { name: 'test-seed', role: 'admin' };
const home = demo.households[0]!.id;
const now = new Date('2026-12-07T10:00:00Z');
const as = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });
const newborn = {
  caseId: home,
  givenName: 'Amal',
  familyName: 'Haddad',
  sex: 'f',
  birthDate: '2026-11-30',
  reason: 'born at the camp clinic on Tuesday',
};

describe.each(backends)('person.add, person.update, person.remove on $name', (backend) => {
  let store: Store;
  let dataDir: string;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dataDir, close } = await backend.fresh());
    await store.registry.createOperation(demo, seeder);
  });
  afterEach(async () => close());

  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ) => execute(command, { actor: as(role), store, now }, input);
  const events = async () => store.audit.events(0, 1_000_000);

  const rawBytes = (name: string) => rawDatabaseFiles(name, store, dataDir);

  it('adds a newborn that the status, the case list and the case view count', async () => {
    const before = await store.registry.status();
    const sizeBefore = (await store.registry.householdSizes()).get(home)!;
    const added = await run(addPerson, 'registrar', newborn);
    expect(added).toMatchObject({
      case: home,
      version: 1,
      changed: ['givenName', 'familyName', 'sex', 'birthDate'],
      person: {
        isHead: false,
        sex: 'F',
        birthYear: 2026,
        version: 1,
        pii: { givenName: 'Amal', familyName: 'Haddad', birthDate: '2026-11-30' },
      },
    });
    expect(added.personId).toMatch(/^P-\d{5}$/);
    expect((await store.registry.status()).persons).toBe(before.persons + 1);
    expect((await store.registry.householdSizes()).get(home)).toBe(sizeBefore + 1);
    const list = await store.registry.findCases({ limit: 500, offset: 0 });
    expect(list.cases.find((c) => c.id === home)?.persons).toBe(sizeBefore + 1);
    expect((await run(operationStatus, 'auditor', {})).persons).toBe(before.persons + 1);
    const view = await run(showCase, 'registrar', { id: home });
    expect(view.members.map((m) => m.id)).toContain(added.personId);
    expect(view.history.at(-1)).toMatchObject({
      actor: 't-registrar',
      role: 'registrar',
      change: `person ${added.personId} added`,
      reason: newborn.reason,
    });
    const audit = (await events()).at(-1)!;
    expect(audit).toMatchObject({ action: 'person.add', entityId: added.personId });
    expect(JSON.stringify(audit.detail)).not.toMatch(/Amal|Haddad|2026-11-30|clinic/);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = (await events()).length;
    const persons = (await store.registry.status()).persons;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ caseId: 'C-9999' }, /case C-9999 not found/],
      [{ birthDate: '2026-02-30' }, /at birthDate: must be a real date/],
      [{ birthDate: '2027-01-01' }, /at birthDate: must not be in the future/],
      [{ sex: 'q' }, /at sex: must be F \(female\), M \(male\) or X/],
      [{ givenName: '   ' }, /at givenName: must not be empty/],
      [{ familyName: '' }, /at familyName: must not be empty/],
      [{ needs: [{ code: 'ZZ' }] }, /at needs\.0\.code: must be a UNHCR specific-needs code/],
      [{ reason: 'x' }, /at reason: a reason of at least 3 characters/],
    ];
    for (const [change, message] of cases)
      await expect(run(addPerson, 'registrar', { ...newborn, ...change })).rejects.toMatchObject({
        message: expect.stringMatching(message),
      });
    expect((await events()).length).toBe(count);
    expect((await store.registry.status()).persons).toBe(persons);
  });

  it('corrects a person at the version seen and refuses a stale version with both values', async () => {
    const { personId } = await run(addPerson, 'registrar', newborn);
    const fixed = await run(updatePerson, 'protection-officer', {
      id: personId,
      version: 1,
      givenName: 'Amaal',
      needs: [{ code: 'SM', severity: 2 }],
      reason: 'spelling as on the birth certificate',
    });
    expect(fixed).toMatchObject({
      version: 2,
      changed: ['givenName', 'needs'],
      person: { version: 2, pii: { givenName: 'Amaal' }, needs: [{ code: 'SM', severity: 2 }] },
    });
    const count = (await events()).length;
    const stale = run(updatePerson, 'registrar', {
      id: personId,
      version: 1,
      givenName: 'Amel',
      birthDate: '2026-11-29',
      reason: 'another desk, same record',
    });
    await expect(stale).rejects.toMatchObject({
      id: 'stale-version',
      status: 409,
      details: {
        version: { stored: 2, submitted: 1 },
        stored: { givenName: 'Amaal', birthDate: '2026-11-30' },
        submitted: { givenName: 'Amel', birthDate: '2026-11-29' },
      },
    });
    await stale.catch((e: Error) => expect(e.message).not.toMatch(/Ama|Amel/));
    expect((await events()).length).toBe(count);
    const view = await run(showCase, 'registrar', { id: home });
    const member = view.members.find((m) => m.id === personId)!;
    expect([member.version, member.pii?.givenName]).toEqual([2, 'Amaal']);
    expect(view.history.at(-1)?.change).toBe(`person ${personId} corrected: givenName, needs`);
    // The same values again change nothing and write nothing.
    const same = await run(updatePerson, 'registrar', {
      id: personId,
      version: 2,
      givenName: 'Amaal',
      reason: 'checked again',
    });
    expect([same.changed, same.version]).toEqual([[], 2]);
    expect((await events()).length).toBe(count);
    await expect(
      run(updatePerson, 'registrar', { id: personId, version: 2, reason: 'nothing given' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at least one field/) });
  });

  it('lets one of two simultaneous edits of a version win, and gives two desks two ids', async () => {
    const adds = await Promise.all([
      run(addPerson, 'registrar', newborn),
      run(addPerson, 'registrar', { ...newborn, givenName: 'Noor' }),
    ]);
    expect(new Set(adds.map((a) => a.personId)).size).toBe(2);
    const id = adds[0].personId;
    const edits = await Promise.allSettled(
      ['Amaal', 'Amel'].map((givenName) =>
        run(updatePerson, 'registrar', { id, version: 1, givenName, reason: 'two desks at once' }),
      ),
    );
    expect(edits.map((e) => e.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = edits.find((e) => e.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ id: 'stale-version', status: 409 });
    const view = await run(showCase, 'registrar', { id: home });
    expect(view.members.find((m) => m.id === id)?.version).toBe(2);
  });

  it('removes a person added by mistake, keeps the history readable, refuses a head', async () => {
    const { personId } = await run(addPerson, 'registrar', newborn);
    const persons = (await store.registry.status()).persons;
    const head = demo.persons.find((p) => p.householdId === home && p.isHead)!;
    await expect(
      run(removePerson, 'registrar', { id: head.id, reason: 'not a mistake' }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/head of case/) });
    await expect(run(removePerson, 'registrar', { id: personId })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at reason/),
    });
    const removed = await run(removePerson, 'registrar', {
      id: personId,
      reason: 'added to the wrong case',
    });
    expect(removed).toMatchObject({ personId, case: home, person: null, final: false });
    // Final on disk with the erasure batch's key rotation, which this answer dates.
    expect(Date.parse(removed.finalBy)).toBeGreaterThan(Date.now());
    expect((await store.keys.status()).pendingErasures).toBe(1);
    expect((await store.registry.status()).persons).toBe(persons - 1);
    const view = await run(showCase, 'registrar', { id: home });
    expect(view.members.map((m) => m.id)).not.toContain(personId);
    // The reasons sealed while the person was a member stay readable after their key is gone.
    expect(view.history.slice(-2).map((e) => [e.change, e.reason])).toEqual([
      [`person ${personId} added`, newborn.reason],
      [`person ${personId} removed`, 'added to the wrong case'],
    ]);
    expect((await events()).at(-1)).toMatchObject({ action: 'person.remove', entityId: personId });
    // A removed person's id is never handed out again.
    const again = await run(addPerson, 'registrar', newborn);
    expect(again.personId).not.toBe(personId);
    // `now` finishes it before answering: the key generation changes, nothing waits any more.
    const generation = (await store.keys.status()).generation;
    const now = await run(removePerson, 'registrar', {
      id: again.personId,
      reason: 'added twice',
      now: true,
    });
    expect(now).toMatchObject({ personId: again.personId, final: true });
    expect(await store.keys.status()).toMatchObject({
      generation: generation + 1,
      pendingErasures: 0,
    });
  });

  it('lets only the record keepers add, correct and remove', async () => {
    for (const command of [addPerson, updatePerson, removePerson] as unknown as AnyCommand[]) {
      const allowed = rolesAllowed(command.permission);
      expect(allowed).toEqual(['admin', 'registrar', 'protection-officer']);
      for (const role of roles.filter((r) => !allowed.includes(r))) {
        const count = (await events()).length;
        await expect(run(command, role, newborn)).rejects.toMatchObject({ status: 403 });
        expect((await events()).length).toBe(count);
      }
    }
  });

  it('keeps the added name, birth date and reason out of the raw database bytes', async () => {
    const { personId } = await run(addPerson, 'registrar', {
      ...newborn,
      givenName: 'Zubaydah',
      familyName: 'Qarawiyyin',
      reason: 'twin of Zubaydah, seen by Dr Qarawiyyin',
    });
    await run(updatePerson, 'registrar', {
      id: personId,
      version: 1,
      givenName: 'Zubaidah',
      reason: 'Zubaidah is the spelling on the card',
    });
    const needles = ['Zubaydah', 'Zubaidah', 'Qarawiyyin', 'twin of', 'spelling on the card'];
    // The tables an insider dumps as text.
    for (const table of [
      'persons',
      'case_history',
      'audit_events',
      'needs',
      'dedup_pairs',
      'meta',
    ]) {
      const rows = await sql<{
        row: string;
      }>`select t::text as row from ${sql.table(table)} t`.execute(store.db);
      const text = rows.rows.map((r) => r.row).join('\n');
      for (const n of needles) expect(text, `${n} in ${table}`).not.toContain(n);
      // A control: the dump is readable text (the editor's name is kept in clear on purpose).
      if (table === 'case_history' || table === 'audit_events')
        expect(text).toContain('t-registrar');
    }
    // The files on disk: PGlite's data folder with its log; PostgreSQL's relation files after a
    // checkpoint, read as the server's superuser would.
    const raw = await rawBytes(backend.name);
    expect(
      raw.some((b) => b.includes(Buffer.from('t-registrar'))),
      'control',
    ).toBe(true);
    for (const n of needles)
      expect(
        raw.some((b) => b.includes(Buffer.from(n))),
        `${n} on disk`,
      ).toBe(false);
  });
});

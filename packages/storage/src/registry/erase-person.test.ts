import { generateDemo } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';
import { move } from '../test-support/transition.js';

const admin = { name: 'test-admin', role: 'admin' };
const protection = { name: 'test-po', role: 'protection-officer' };
const demo = generateDemo({ people: 120, seed: 11 });
const person = demo.persons.find((p) => demo.documents.some((d) => d.personId === p.id))!;
const document = demo.documents.find((d) => d.personId === person.id)!;

describe.each(backends)('erasing a person on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
  });
  afterEach(async () => close());

  it('leaves the person unreadable while counts and the case stay', async () => {
    const before = await store.registry.status();
    const erased = await store.registry.erasePerson(person.id, protection);
    expect(erased).toMatchObject({ personId: person.id, householdId: person.householdId });
    expect(erased.documents).toBeGreaterThan(0);

    const view = await store.registry.household(person.householdId);
    const member = view?.members.find((m) => m.id === person.id);
    expect(member).toMatchObject({ pii: null, sex: person.sex, birthYear: person.birthYear });
    expect(member?.documents.every((d) => d.number === null && d.mrz === null)).toBe(true);
    const others = view?.members.filter((m) => m.id !== person.id) ?? [];
    expect(others.every((m) => m.pii !== null)).toBe(true);
    expect(await store.registry.status()).toEqual(before);

    // No key is left, and the blind indexes no longer match the name or the number.
    const keys = await sql<{ n: number }>`select count(*)::int as n from person_keys
      where person_id = ${person.id}`.execute(store.db);
    expect(keys.rows[0]?.n).toBe(0);
    const row = await store.db
      .selectFrom('documents')
      .select('number_bidx')
      .where('id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(row.number_bidx).toBe(`erased:${document.id}`);

    const last = (await store.audit.events()).at(-1);
    expect(last).toMatchObject({
      action: 'person.erase',
      entityId: person.id,
      role: 'protection-officer',
    });
    expect(JSON.stringify(last)).not.toContain(person.pii.familyName);
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('seals free text about the person under their key: a reason about them goes with them', async () => {
    const reason = `hold: ${person.pii.givenName} ${person.pii.familyName} awaits a medical check`;
    await move(store, person.householdId, 'on-hold', reason, protection);
    const stored = await sql<{ reason: string }>`select reason from case_history
      where household_id = ${person.householdId}`.execute(store.db);
    expect(stored.rows.some((r) => r.reason.includes(person.pii.familyName))).toBe(false);
    const before = await store.registry.household(person.householdId);
    expect(before?.history.at(-1)).toMatchObject({ to: 'on-hold', reason });
    const counts = await store.registry.status();

    await store.registry.erasePerson(person.id, protection, { now: true });
    const after = await store.registry.household(person.householdId);
    expect(after?.history.at(-1)).toMatchObject({ to: 'on-hold', reason: '(erased)' });
    expect(after?.history.length).toBe(before?.history.length);
    expect(after?.status).toBe('on-hold');
    expect(await store.registry.status()).toEqual(counts);
  });

  // Who may erase is the person.erase policy's: see packages/commands/src/person/erase.test.ts.
  it('refuses unknown persons and a second erasure', async () => {
    await expect(store.registry.erasePerson('P-none', admin)).rejects.toMatchObject({
      id: 'not-found',
    });
    await store.registry.erasePerson(person.id, admin);
    await expect(store.registry.erasePerson(person.id, admin)).rejects.toMatchObject({
      id: 'already-erased',
      status: 409,
    });
  });

  it('keeps erased persons out of new duplicate pairs', async () => {
    const byNumber = new Map<string, string>();
    const twin = demo.documents.find((d) => {
      const seen = byNumber.get(d.number);
      byNumber.set(d.number, d.personId);
      return seen !== undefined && seen !== d.personId;
    });
    expect(twin).toBeDefined();
    await store.registry.erasePerson(twin!.personId, admin);
    await store.registry.scanDuplicates(admin);
    const pairs = await store.registry.duplicates();
    expect(pairs.some((p) => [p.a, p.b].includes(twin!.personId))).toBe(false);
  });
});

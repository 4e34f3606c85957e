/**
 * The attack on a removal (issue 20): a person removed by a single-record edit is gone from the
 * tables, but their sealed record and document stay in dead rows and the write-ahead log. Once the
 * removal is final (`now`), nothing left on disk — raw data files and WAL, every key file, the
 * master key — opens them, while the same attack reads a control person; with a copy of the old
 * generation's key file kept aside it reads the removed person, so the test is not vacuous.
 */
import { join } from 'node:path';
import { generateDemo, type PersonPii } from '@corridor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, testEnv } from '../test-support/backends.js';
import {
  filesUnder,
  gcmOpen,
  hkdf,
  keksOnDisk,
  onDisk,
  rawDatabase,
  unwrapAll,
} from '../test-support/disk-attack.js';
import type { Store } from '../store.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 200, seed: 29 });
const sizes = new Map<string, number>();
for (const p of demo.persons) sizes.set(p.householdId, (sizes.get(p.householdId) ?? 0) + 1);
const documentOf = (id: string) => demo.documents.find((d) => d.personId === id);
const removable = demo.persons.filter(
  (p) => !p.isHead && (sizes.get(p.householdId) ?? 0) > 2 && documentOf(p.id),
);
const removed = removable[0]!;
const control = removable.find((p) => p.householdId !== removed.householdId)!;

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The person's sealed record and document as stored (what the attacker will look for on disk). */
async function sealedOf(store: Store, id: string) {
  const person = await store.db
    .selectFrom('persons')
    .select('pii')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const doc = await store.db
    .selectFrom('documents')
    .select(['id', 'secret'])
    .where('person_id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, pii: Buffer.from(person.pii), docId: doc.id, doc: Buffer.from(doc.secret) };
}

/**
 * With every KEK that opens from the key files, unwraps every key of the person (and the secrets
 * of their record and document, each mixed with the person's key) found in the raw bytes, and
 * opens the sealed record and document with them.
 */
function attack(raw: Buffer[], keks: Uint8Array[], s: Awaited<ReturnType<typeof sealedOf>>) {
  const personKeys = unwrapAll(raw, keks, 'person', s.id);
  const docSecrets = unwrapAll(raw, keks, 'document', s.docId);
  const recordSecrets = unwrapAll(raw, keks, 'record', s.id);
  let pii: PersonPii | undefined;
  let document: { number: string } | undefined;
  for (const key of personKeys) {
    const recordKeys = [
      key,
      ...recordSecrets.map((x) => hkdf(Buffer.concat([key, x]), `item:record:${s.id}`)),
    ];
    for (const k of recordKeys) {
      const plain = gcmOpen(k, s.pii, `person:${s.id}`);
      if (plain) pii = JSON.parse(plain.toString('utf8')) as PersonPii;
    }
    const docKeys = [
      key,
      ...docSecrets.map((x) => hkdf(Buffer.concat([key, x]), `item:document:${s.docId}`)),
    ];
    for (const k of docKeys) {
      const opened = gcmOpen(k, s.doc, `document:${s.docId}`);
      if (opened) document = JSON.parse(opened.toString('utf8')) as { number: string };
    }
  }
  return { pii, number: document?.number };
}

describe.each(backends)('the attack on a removal, on $name', (backend) => {
  it('cannot read the removed person from the raw files and key files once final, yet reads the control', async () => {
    const master = Buffer.from(testEnv.CORRIDOR_MASTER_KEY!, 'base64');
    const opened = await backend.fresh();
    cleanups.push(opened.close);
    const store = opened.store;
    const since = new Date(Date.now() - 1000);
    await store.registry.createOperation(demo, admin);
    await store.keys.rotate();
    const keyDir = join(opened.dataDir, 'keys');
    const before = filesUnder(keyDir).filter((f) => f.name.endsWith('.key'));
    expect(before).toHaveLength(1);
    const target = await sealedOf(store, removed.id);
    const check = await sealedOf(store, control.id);

    const result = await store.registry.removePerson(removed.id, 'added by mistake', admin, {
      now: true,
    });
    expect(result).toMatchObject({ personId: removed.id, final: true });
    expect(await store.keys.status()).toMatchObject({ pendingErasures: 0 });
    if (backend.name === 'pglite') await store.close();
    const taken = await rawDatabase(store, backend.name, opened.dataDir, since);
    cleanups.push(taken.cleanup);
    const keyFiles = filesUnder(keyDir);
    expect(keyFiles.filter((f) => f.name.endsWith('.key'))).toHaveLength(1);

    // Deleting the rows did not take the sealed bytes off the disk (dead rows, WAL).
    expect(onDisk(taken.raw, target.pii)).toBe(true);
    expect(onDisk(taken.raw, target.doc)).toBe(true);
    expect(onDisk(taken.raw, check.pii)).toBe(true);

    const keks = keksOnDisk(master, keyFiles);
    expect(attack(taken.raw, keks, check)).toEqual({
      pii: control.pii,
      number: documentOf(control.id)!.number,
    });
    expect(attack(taken.raw, keks, target)).toEqual({ pii: undefined, number: undefined });

    // Had the old generation's file survived, the same attack would read the removed person.
    const kept = keksOnDisk(master, [...keyFiles, ...before]);
    expect(attack(taken.raw, kept, target)).toEqual({
      pii: removed.pii,
      number: documentOf(removed.id)!.number,
    });
  }, 300_000);
});

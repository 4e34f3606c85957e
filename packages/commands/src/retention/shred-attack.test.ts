/**
 * The attack on a retention shred (issue 20): a travel document, a sealed case-history text, a
 * protection note and a check-in record's note shredded by the retention job, whose person lives on. After the run (which finishes its key
 * rotation), nothing left on disk — raw data files and WAL, every key file, the master key — opens
 * the shredded copies still in the WAL, while the same attack opens a control document and text
 * that were not due; with the old generation's key file kept aside it opens the shredded ones.
 */
import { join } from 'node:path';
import { generateDemo, generateDemoMovements, type PersonPii } from '@corridor/core';
import { Vault, type Store } from '@corridor/storage';
import {
  backends,
  filesUnder,
  gcmOpen,
  hkdf,
  keksOnDisk,
  onDisk,
  rawDatabase,
  testEnv,
  unwrapAll,
} from '@corridor/storage/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { execute } from '../execute.js';
import { runRetention } from './run.js';

const demo = generateDemo({ people: 300, seed: 31 });
const admin = { name: 'test-admin', role: 'admin' };
/** A member of the case whose record holds a protection note. */
const noteHolder = (caseId: string) =>
  demo.persons.find((p) => p.householdId === caseId && p.pii.protectionNote !== undefined);
const cases = [
  ...new Set(demo.documents.map((d) => demo.persons.find((p) => p.id === d.personId)!.householdId)),
].filter((c) => noteHolder(c));
const [shredCase, controlCase] = cases as [string, string];
const docIn = (caseId: string) =>
  demo.documents.find(
    (d) => demo.persons.find((p) => p.id === d.personId)!.householdId === caseId,
  )!;

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** What the attacker looks for: a document's and a case text's sealed bytes, as stored. */
async function sealedIn(store: Store, caseId: string) {
  const d = docIn(caseId);
  const checkin = await store.db
    .selectFrom('checkin_events')
    .select(['station', 'seq', 'note_sealed'])
    .where('person_id', '=', d.personId)
    .executeTakeFirstOrThrow();
  const doc = await store.db
    .selectFrom('documents')
    .select('secret')
    .where('id', '=', d.id)
    .executeTakeFirstOrThrow();
  const line = await store.db
    .selectFrom('case_history')
    .select(['id', 'reason_sealed', 'reason_members'])
    .where('household_id', '=', caseId)
    .where('reason_sealed', 'is not', null)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const holder = noteHolder(caseId)!;
  const record = await store.db
    .selectFrom('persons')
    .select('pii')
    .where('id', '=', holder.id)
    .executeTakeFirstOrThrow();
  return {
    caseId,
    holderId: holder.id,
    record: Buffer.from(record.pii),
    personId: d.personId,
    docId: d.id,
    doc: Buffer.from(doc.secret),
    lineId: String(line.id),
    line: Buffer.from(line.reason_sealed!),
    members: [...line.reason_members!].sort(),
    checkinId: `${checkin.station}:${checkin.seq}`,
    checkinNote: Buffer.from(checkin.note_sealed!),
  };
}

/** Every key found on disk for the person(s), mixed with every secret found for the item. */
function attack(raw: Buffer[], keks: Uint8Array[], s: Awaited<ReturnType<typeof sealedIn>>) {
  let number: string | undefined;
  let text: string | undefined;
  let note: string | undefined;
  let checkinNote: string | undefined;
  const recordSecrets = unwrapAll(raw, keks, 'record', s.holderId);
  for (const pk of unwrapAll(raw, keks, 'person', s.holderId))
    for (const key of [
      pk,
      ...recordSecrets.map((x) => hkdf(Buffer.concat([pk, x]), `item:record:${s.holderId}`)),
    ]) {
      const plain = gcmOpen(key, s.record, `person:${s.holderId}`);
      if (plain) note = (JSON.parse(plain.toString('utf8')) as PersonPii).protectionNote;
    }
  const docSecrets = unwrapAll(raw, keks, 'document', s.docId);
  for (const pk of unwrapAll(raw, keks, 'person', s.personId))
    for (const secret of docSecrets) {
      const key = hkdf(Buffer.concat([pk, secret]), `item:document:${s.docId}`);
      const plain = gcmOpen(key, s.doc, `document:${s.docId}`);
      if (plain) number = (JSON.parse(plain.toString('utf8')) as { number: string }).number;
    }
  const checkinSecrets = unwrapAll(raw, keks, 'checkin', s.checkinId);
  for (const pk of unwrapAll(raw, keks, 'person', s.personId))
    for (const secret of checkinSecrets) {
      const key = hkdf(Buffer.concat([pk, secret]), `item:checkin:${s.checkinId}`);
      const plain = gcmOpen(key, s.checkinNote, `checkin-note:${s.checkinId}`);
      if (plain) checkinNote = JSON.parse(plain.toString('utf8')) as string;
    }
  // The joint key: HKDF over the members' keys in id order (one key each, as found on disk).
  const memberKeys = s.members.map((m) => unwrapAll(raw, keks, 'person', m));
  const lineSecrets = unwrapAll(raw, keks, 'history', s.lineId);
  if (memberKeys.every((k) => k.length === 1)) {
    const joint = hkdf(Buffer.concat(memberKeys.map((k) => k[0]!)), `joint:${s.members.join(',')}`);
    for (const secret of lineSecrets) {
      const key = hkdf(Buffer.concat([joint, secret]), `item:history:${s.lineId}`);
      const plain = gcmOpen(key, s.line, `case-history:${s.caseId}`);
      if (plain) text = JSON.parse(plain.toString('utf8')) as string;
    }
  }
  return { number, text, note, checkinNote };
}

const reason = (caseId: string) => `interview notes for ${caseId}: threatened at the gate`;
const checkinNote = (caseId: string) => `walks with a cane; brother missing since ${caseId}`;

/**
 * The operation, a case-history text for both cases, the shredded case arrived long ago (its
 * documents and case texts due), and a check-in with a note for each document holder: the shredded
 * one's movement arrived long ago, the control's recently.
 */
async function given(store: Store) {
  await store.registry.createOperation(demo, admin);
  for (const caseId of [shredCase, controlCase])
    await store.registry.noteCase(caseId, 'interview noted', reason(caseId), admin, 'case.note');
  // The shredded case arrived long ago: its documents and case texts are due.
  await store.db
    .updateTable('households')
    .set({ status: 'arrived' })
    .where('id', '=', shredCase)
    .execute();
  await store.db
    .insertInto('case_history')
    .values({
      household_id: shredCase,
      from_status: 'departed',
      to_status: 'arrived',
      actor: 'test',
      role: 'admin',
      reason: 'arrived',
      change: null,
      at: new Date(Date.now() - 400 * 86_400_000),
    })
    .execute();
  // A check-in with a note for each document holder: the shredded one's movement arrived long ago.
  const [old, recent] = generateDemoMovements(demo.destinations, demo.pledges);
  await store.movements.add([old!, recent!], admin);
  for (const [caseId, movement, days] of [
    [shredCase, old!, 400],
    [controlCase, recent!, 10],
  ] as const) {
    await store.checkin.append(
      {
        movementId: movement.id,
        personId: docIn(caseId).personId,
        status: 'checked-in',
        note: checkinNote(caseId),
        supersedes: null,
      },
      admin,
    );
    const at = new Date(Date.now() - days * 86_400_000);
    await store.db
      .updateTable('movements')
      .set({ depart_at: at, arrive_at: at })
      .where('id', '=', movement.id)
      .execute();
  }
}

/**
 * Rewrites the shredded case's items as the code before secrets of their own wrote them: the
 * document and the protection note under the person's key alone, the case text under the members'
 * joint key alone (before 0024), the check-in note in clear (before 0027). Returns the old bytes.
 */
async function writeTheOldWay(
  store: Store,
  dataDir: string,
  s: Awaited<ReturnType<typeof sealedIn>>,
) {
  const master = Buffer.from(testEnv.CORRIDOR_MASTER_KEY!, 'base64');
  const vault = new Vault(master, join(dataDir, 'keys'));
  vault.useGeneration((await store.keys.status()).generation);
  const keyOf = async (id: string) =>
    vault.unwrapPersonKey(
      id,
      (
        await store.db
          .selectFrom('person_keys')
          .select('wrapped')
          .where('person_id', '=', id)
          .executeTakeFirstOrThrow()
      ).wrapped,
    );
  const d = docIn(s.caseId);
  const doc = vault.encrypt(await keyOf(d.personId), `document:${d.id}`, {
    number: d.number,
    mrz: d.mrz,
  });
  await store.db
    .updateTable('documents')
    .set({ secret: doc, secret_key: null })
    .where('id', '=', d.id)
    .execute();
  const holder = noteHolder(s.caseId)!;
  const record = vault.encrypt(await keyOf(holder.id), `person:${holder.id}`, holder.pii);
  await store.db
    .updateTable('persons')
    .set({ pii: record, pii_key: null })
    .where('id', '=', holder.id)
    .execute();
  const keys = await Promise.all(s.members.map(keyOf));
  const joint = hkdf(Buffer.concat(keys), `joint:${s.members.join(',')}`);
  const line = vault.encrypt(joint, `case-history:${s.caseId}`, reason(s.caseId));
  await store.db
    .updateTable('case_history')
    .set({ reason_sealed: line, reason_key: null })
    .where('id', '=', Number(s.lineId))
    .execute();
  await store.db
    .updateTable('checkin_events')
    .set({ note: checkinNote(s.caseId), note_sealed: null, note_key: null, item_id: null })
    .where('person_id', '=', s.personId)
    .execute();
  // A database made before the upgrade step existed has not run it (keys/upgrade-items.ts).
  await store.db.deleteFrom('meta').where('key', '=', 'item_secrets_upgraded').execute();
  return { doc, record, line, personKey: await keyOf(d.personId) };
}

describe.each(backends)('the attack on a retention shred, on $name', (backend) => {
  it('cannot read the shredded document, case text, protection note and check-in note from the raw files once final, yet reads the controls', async () => {
    const master = Buffer.from(testEnv.CORRIDOR_MASTER_KEY!, 'base64');
    const opened = await backend.fresh();
    cleanups.push(opened.close);
    const store = opened.store;
    const since = new Date(Date.now() - 1000);
    await given(store);
    const target = await sealedIn(store, shredCase);
    const check = await sealedIn(store, controlCase);
    const keyDir = join(opened.dataDir, 'keys');
    const before = filesUnder(keyDir).filter((f) => f.name.endsWith('.key'));
    expect(before).toHaveLength(1);

    const report = await execute(
      runRetention,
      { actor: { name: 'test', role: 'admin', via: 'cli' }, store, now: new Date() },
      {},
    );
    const documents = report.categories.find((c) => c.category === 'documents')!;
    const notes = report.categories.find((c) => c.category === 'case-notes')!;
    const checkins = report.categories.find((c) => c.category === 'checkin')!;
    expect(checkins).toMatchObject({ shredded: 1, persons: [target.personId], notFinal: 0 });
    expect(documents).toMatchObject({ notFinal: 0 });
    expect(notes).toMatchObject({ notFinal: 0 });
    expect(notes.persons).toContain(target.holderId);
    expect(documents.persons).toContain(target.personId);
    expect(documents.persons).not.toContain(check.personId);
    expect(notes.shredded).toBeGreaterThan(0);
    expect(report).toMatchObject({ final: true });
    expect(Date.parse(report.finalBy!)).toBeLessThanOrEqual(Date.now());
    // The record is still read without its note: only the versions that held it are gone.
    const view = await store.registry.household(shredCase);
    const { protectionNote: _note, ...rest } = noteHolder(shredCase)!.pii;
    expect(view!.members.find((m) => m.id === target.holderId)!.pii).toEqual(rest);
    // The control's note is read back through the store; neither note is stored in clear.
    const [control] = await store.checkin.events({ personIds: [check.personId] });
    expect(control!.note).toBe(checkinNote(controlCase));
    if (backend.name === 'pglite') await store.close();
    const taken = await rawDatabase(store, backend.name, opened.dataDir, since);
    cleanups.push(taken.cleanup);
    const keyFiles = filesUnder(keyDir);
    expect(keyFiles.filter((f) => f.name.endsWith('.key'))).toHaveLength(1);

    // The shredded bytes are still on disk (the WAL), and no plain text is.
    expect(onDisk(taken.raw, target.doc)).toBe(true);
    expect(onDisk(taken.raw, target.line)).toBe(true);
    expect(onDisk(taken.raw, target.checkinNote)).toBe(true);
    for (const plain of [
      reason(shredCase),
      docIn(shredCase).number,
      checkinNote(shredCase),
      checkinNote(controlCase),
    ])
      expect(onDisk(taken.raw, Buffer.from(plain))).toBe(false);

    const keks = keksOnDisk(master, keyFiles);
    const note = noteHolder(shredCase)!.pii.protectionNote;
    expect(attack(taken.raw, keks, check)).toEqual({
      number: docIn(controlCase).number,
      text: reason(controlCase),
      note: noteHolder(controlCase)!.pii.protectionNote,
      checkinNote: checkinNote(controlCase),
    });
    expect(attack(taken.raw, keks, target)).toEqual({
      number: undefined,
      text: undefined,
      note: undefined,
      checkinNote: undefined,
    });

    // The person lives on: their key is on disk, only the items' secrets are gone.
    expect(unwrapAll(taken.raw, keks, 'person', target.personId)).toHaveLength(1);

    // Had the old generation's file survived, the same attack would read the shredded items.
    const kept = keksOnDisk(master, [...keyFiles, ...before]);
    expect(attack(taken.raw, kept, target)).toEqual({
      number: docIn(shredCase).number,
      text: reason(shredCase),
      note,
      checkinNote: checkinNote(shredCase),
    });
  }, 300_000);

  it('gives items sealed before they had secrets of their own a secret at the next key rotation, after which their shredding is final', async () => {
    const master = Buffer.from(testEnv.CORRIDOR_MASTER_KEY!, 'base64');
    const opened = await backend.fresh();
    cleanups.push(opened.close);
    const store = opened.store;
    const since = new Date(Date.now() - 1000);
    await given(store);
    const old = await writeTheOldWay(store, opened.dataDir, await sealedIn(store, shredCase));
    const rotation = await store.keys.rotate();
    // The document, the case text, the record with a note and the check-in note: once only.
    expect(rotation.upgraded).toBe(4);
    expect((await store.keys.rotate()).upgraded).toBe(0);
    const target = await sealedIn(store, shredCase);
    const check = await sealedIn(store, controlCase);
    expect(target.doc.equals(old.doc)).toBe(false);
    const rows = await store.db
      .selectFrom('checkin_events')
      .select(['note', 'note_key'])
      .where('person_id', '=', target.personId)
      .executeTakeFirstOrThrow();
    expect(rows.note).toBeNull();
    expect(rows.note_key).not.toBeNull();
    // Still read through the store as before.
    const view = await store.registry.household(shredCase);
    expect(view!.members.find((m) => m.id === target.holderId)!.pii).toEqual(
      noteHolder(shredCase)!.pii,
    );
    expect(view!.history.some((h) => h.reason === reason(shredCase))).toBe(true);
    const [event] = await store.checkin.events({ personIds: [target.personId] });
    expect(event!.note).toBe(checkinNote(shredCase));
    const keyDir = join(opened.dataDir, 'keys');
    const before = filesUnder(keyDir).filter((f) => f.name.endsWith('.key'));

    const report = await execute(
      runRetention,
      { actor: { name: 'test', role: 'admin', via: 'cli' }, store, now: new Date() },
      {},
    );
    for (const category of ['documents', 'case-notes', 'checkin'])
      expect(report.categories.find((c) => c.category === category)).toMatchObject({
        notFinal: 0,
      });
    expect(report).toMatchObject({ final: true });
    if (backend.name === 'pglite') await store.close();
    const taken = await rawDatabase(store, backend.name, opened.dataDir, since);
    cleanups.push(taken.cleanup);
    const keyFiles = filesUnder(keyDir);
    const keks = keksOnDisk(master, keyFiles);
    expect(onDisk(taken.raw, target.doc)).toBe(true);
    expect(attack(taken.raw, keks, check)).toEqual({
      number: docIn(controlCase).number,
      text: reason(controlCase),
      note: noteHolder(controlCase)!.pii.protectionNote,
      checkinNote: checkinNote(controlCase),
    });
    expect(attack(taken.raw, keks, target)).toEqual({
      number: undefined,
      text: undefined,
      note: undefined,
      checkinNote: undefined,
    });
    expect(attack(taken.raw, keksOnDisk(master, [...keyFiles, ...before]), target)).toEqual({
      number: docIn(shredCase).number,
      text: reason(shredCase),
      note: noteHolder(shredCase)!.pii.protectionNote,
      checkinNote: checkinNote(shredCase),
    });
    // The limit docs/retention.md names: the copies written before the upgrade (here, moments ago)
    // stay in the write-ahead log until it is recycled, under the person's living key or in clear.
    if (backend.name === 'pglite') {
      expect(gcmOpen(old.personKey, old.doc, `document:${target.docId}`)).toBeDefined();
      expect(onDisk(taken.raw, Buffer.from(checkinNote(shredCase)))).toBe(true);
    }
  }, 300_000);
});

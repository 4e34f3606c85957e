/**
 * The one-off upgrade of items sealed before they had secrets of their own (issue 20): travel
 * documents, case-history texts and records holding a protection note sealed before migration 0024
 * (under the person's or members' keys alone), and check-in notes stored in clear before 0027, are
 * sealed again with a secret of their own, in the first key rotation that finds them. From then on
 * their shredding is final on disk like any newer item's; the copies written before the upgrade
 * stay in the write-ahead log until it is recycled (docs/retention.md).
 */
import { sql, type Transaction } from 'kysely';
import { checkinItemId, sealCheckinNote } from '../checkin/checkin-note.js';
import type { Database } from '../db/schema.js';
import { mixItemKey, newItemSecret } from './item-secret.js';
import { personKeys } from '../registry/person-keys.js';
import { openPersonRecord, sealPersonRecord } from '../registry/person-record.js';
import { erasedText, openForMembers, sealForMembers } from '../registry/sealed-text.js';
import type { GenerationPin, Vault } from '../vault/vault.js';

/** The meta row that records when the upgrade ran (it runs once per database). */
export const upgradedKey = 'item_secrets_upgraded';

type Trx = Transaction<Database>;

/** Sets columns of many rows at once, by a text id (values as base64 for bytea). */
async function setRows(
  trx: Trx,
  table: 'documents' | 'case_history' | 'persons' | 'checkin_events',
  id: string,
  columns: Record<string, 'bytea' | 'text'>,
  rows: Record<string, string | null>[],
): Promise<void> {
  const names = Object.keys(columns);
  const set = sql.join(
    names.map((c) =>
      columns[c] === 'bytea'
        ? sql`${sql.ref(c)} = decode(v.${sql.ref(c)}, 'base64')`
        : sql`${sql.ref(c)} = v.${sql.ref(c)}`,
    ),
  );
  const shape = sql.raw(['id text', ...names.map((c) => `${c} text`)].join(', '));
  for (let i = 0; i < rows.length; i += 2000)
    await sql`update ${sql.table(table)} as t set ${set}
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::jsonb) as v(${shape})
      where ${sql.raw(id)} = v.id`.execute(trx);
}

const b64 = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('base64') : null);

async function documents(trx: Trx, vault: Vault, pin: GenerationPin): Promise<number> {
  const rows = await trx
    .selectFrom('documents')
    .select(['id', 'person_id', 'secret'])
    .where('secret_key', 'is', null)
    .execute();
  const keys = await personKeys(trx, vault, [...new Set(rows.map((r) => r.person_id))]);
  const out = rows.flatMap((r) => {
    const key = keys.get(r.person_id);
    if (!key) return []; // erased: unreadable already
    const plain = vault.decrypt<unknown>(key, `document:${r.id}`, r.secret);
    const item = newItemSecret(vault, pin, 'document', r.id);
    const secret = vault.encrypt(
      mixItemKey(key, item.secret, 'document', r.id),
      `document:${r.id}`,
      plain,
    );
    return [{ id: r.id, secret: b64(secret), secret_key: b64(item.wrapped) }];
  });
  await setRows(trx, 'documents', 't.id', { secret: 'bytea', secret_key: 'bytea' }, out);
  return out.length;
}

async function caseTexts(trx: Trx, vault: Vault, pin: GenerationPin): Promise<number> {
  const rows = await trx
    .selectFrom('case_history')
    .select(['id', 'household_id', 'reason_sealed', 'reason_members'])
    .where('reason_sealed', 'is not', null)
    .where('reason_key', 'is', null)
    .execute();
  const keys = await personKeys(trx, vault, [
    ...new Set(rows.flatMap((r) => r.reason_members ?? [])),
  ]);
  const out = rows.flatMap((r) => {
    const members = r.reason_members ?? [];
    const recordId = `case-history:${r.household_id}`;
    const text = openForMembers(vault, keys, members, recordId, r.reason_sealed!);
    if (text === erasedText) return []; // a member was erased: unreadable already
    const id = String(r.id);
    const item = newItemSecret(vault, pin, 'history', id);
    const sealed = sealForMembers(vault, keys, members, recordId, text, {
      kind: 'history',
      id,
      secret: item.secret,
    });
    return sealed ? [{ id, reason_sealed: b64(sealed), reason_key: b64(item.wrapped) }] : [];
  });
  await setRows(
    trx,
    'case_history',
    't.id::text',
    { reason_sealed: 'bytea', reason_key: 'bytea' },
    out,
  );
  return out.length;
}

async function records(trx: Trx, vault: Vault, pin: GenerationPin): Promise<number> {
  const rows = await trx
    .selectFrom('persons')
    .select(['id', 'pii', 'pii_key'])
    .where('pii_key', 'is', null)
    .where('erased_at', 'is', null)
    .execute();
  const keys = await personKeys(
    trx,
    vault,
    rows.map((r) => r.id),
  );
  const out = rows.flatMap((r) => {
    const key = keys.get(r.id);
    if (!key) return [];
    const pii = openPersonRecord(vault, key, r);
    // A record without a protection note stays under the person's key alone, as new ones do.
    if (pii.protectionNote === undefined) return [];
    const sealed = sealPersonRecord(vault, pin, key, r.id, pii);
    return [{ id: r.id, pii: b64(sealed.pii), pii_key: b64(sealed.pii_key) }];
  });
  await setRows(trx, 'persons', 't.id', { pii: 'bytea', pii_key: 'bytea' }, out);
  return out.length;
}

async function checkinNotes(trx: Trx, vault: Vault, pin: GenerationPin): Promise<number> {
  const rows = await trx
    .selectFrom('checkin_events')
    .select(['station', 'seq', 'person_id', 'note'])
    .where('note', 'is not', null)
    .where('note', '<>', erasedText)
    .where('note_sealed', 'is', null)
    .execute();
  const keys = await personKeys(trx, vault, [...new Set(rows.map((r) => r.person_id))]);
  const out = rows.map((r) => {
    const s = sealCheckinNote(vault, pin, keys.get(r.person_id), r.station, Number(r.seq), r.note);
    return {
      id: checkinItemId(r.station, Number(r.seq)),
      note: s.note,
      item_id: s.item_id,
      note_sealed: b64(s.note_sealed),
      note_key: b64(s.note_key),
    };
  });
  await setRows(
    trx,
    'checkin_events',
    `t.station || ':' || t.seq::text`,
    { note: 'text', item_id: 'text', note_sealed: 'bytea', note_key: 'bytea' },
    out,
  );
  return out.length;
}

/**
 * Seals every item still without a secret of its own with one, wrapped by the generation the
 * rotation's transaction holds (re-wrapped by the rotation); once per database. Returns how many.
 */
export async function upgradeLegacyItems(
  trx: Trx,
  vault: Vault,
  pin: GenerationPin,
): Promise<number> {
  const done = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', upgradedKey)
    .executeTakeFirst();
  if (done) return 0;
  const n =
    (await documents(trx, vault, pin)) +
    (await caseTexts(trx, vault, pin)) +
    (await records(trx, vault, pin)) +
    (await checkinNotes(trx, vault, pin));
  await trx
    .insertInto('meta')
    .values({ key: upgradedKey, value: new Date().toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return n;
}

/**
 * Key rotation: every stored data key is re-wrapped under a new keyring generation in one
 * transaction that records the generation, then the old generation's file is destroyed. The new
 * file is written before the transaction commits and the old one destroyed only after, so a crash
 * at any point leaves the old state or the new one, each with its key file on disk.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { GenerationPin, Vault } from '../vault/vault.js';
import { upgradeLegacyItems } from './upgrade-items.js';

/** Every column that holds a data key wrapped by the keyring, and the record kind it is bound to. */
export const wrappedColumns = [
  { table: 'person_keys', id: 'person_id', column: 'wrapped', kind: 'person' },
  { table: 'incidents', id: 'id', column: 'narrative_key', kind: 'incident' },
  // Per-item secrets (keys/item-secret.ts): a shredded item's copy dies with its generation.
  { table: 'documents', id: 'id', column: 'secret_key', kind: 'document' },
  { table: 'case_history', id: 'id', column: 'reason_key', kind: 'history' },
  { table: 'persons', id: 'id', column: 'pii_key', kind: 'record' },
  { table: 'checkin_events', id: 'item_id', column: 'note_key', kind: 'checkin' },
  // A queued job's sealed input (an import's file), until the job ends.
  { table: 'jobs', id: 'id', column: 'input_key', kind: 'job-input' },
] as const;

/** The meta row that records the current generation (locked by rotations, shared by writers). */
export const generationKey = 'kek_generation';

/** Points a test can stop at: new file written, keys re-wrapped (uncommitted), committed, old destroyed. */
export type RotationStage = 'written' | 'rewrapped' | 'committed' | 'destroyed';

/** What a rotation did. */
export interface Rotation {
  from: number;
  to: number;
  /** Data keys re-wrapped. */
  rewrapped: number;
  /** Items sealed before they had secrets of their own, given one now (keys/upgrade-items.ts). */
  upgraded: number;
  /** Persons whose erasure became final with this rotation. */
  finalised: string[];
  ms: number;
}

const batchSize = 10_000;

/** Reads the recorded generation inside `trx`, locking it (`update`: rotations; `share`: writers). */
export async function readGeneration(
  trx: Kysely<Database>,
  lock: 'update' | 'share',
): Promise<number | undefined> {
  const q = trx.selectFrom('meta').select('value').where('key', '=', generationKey);
  const row = await (lock === 'update' ? q.forUpdate() : q.forShare()).executeTakeFirst();
  return row ? Number(row.value) : undefined;
}

/**
 * Holds the database's current generation for the rest of `trx` and answers its pin, which every
 * new data key and item secret needs (`Vault.newRecordKey`, keys/item-secret.ts): a rotation waits
 * until the transaction ends, so no key written in it can be wrapped by a generation about to be
 * destroyed, and no writer can forget to hold it.
 */
export async function pinGeneration(trx: Kysely<Database>, vault: Vault): Promise<GenerationPin> {
  const generation = await readGeneration(trx, 'share');
  return vault.pin(generation ?? vault.generation);
}

async function rewrapColumn(
  trx: Transaction<Database>,
  vault: Vault,
  c: (typeof wrappedColumns)[number],
  to: number,
): Promise<number> {
  // As base64 text: PGlite parses a bytea column several times slower than a text one.
  const rows = (
    await sql<{ id: string; w: string }>`select ${sql.ref(c.id)} as id,
      encode(${sql.ref(c.column)}, 'base64') as w
      from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(trx)
  ).rows;
  for (let i = 0; i < rows.length; i += batchSize) {
    const values = rows.slice(i, i + batchSize).map((r) => {
      const key = vault.unwrapRecordKey(c.kind, r.id, Buffer.from(r.w, 'base64'));
      return { id: r.id, w: vault.wrapRecordKey(c.kind, r.id, key, to).toString('base64') };
    });
    await sql`update ${sql.table(c.table)} as t set ${sql.ref(c.column)} = decode(v.w, 'base64')
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id text, w text)
      where t.${sql.ref(c.id)}::text = v.id`.execute(trx);
  }
  return rows.length;
}

/**
 * Re-wraps every data key under a new generation and destroys the old one; erasures waiting for
 * it become final. Runs in its own transaction (never inside the caller's).
 */
export async function rotateKeys(
  db: Kysely<Database>,
  vault: Vault,
  onStage?: (stage: RotationStage) => void | Promise<void>,
): Promise<Rotation> {
  if (db.isTransaction) throw new Error('a key rotation runs in its own transaction');
  const started = performance.now();
  let from = 0;
  let to = 0;
  let rewrapped = 0;
  let upgraded = 0;
  let finalised: string[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      let recorded = await readGeneration(trx, 'update');
      if (recorded === undefined) {
        await trx
          .insertInto('meta')
          .values({ key: generationKey, value: '0' })
          .onConflict((oc) => oc.doNothing())
          .execute();
        recorded = (await readGeneration(trx, 'update')) ?? 0;
      }
      from = recorded;
      // Files of later generations were left by a rotation that never committed: not in use.
      for (const g of vault.keyring.generations()) if (g > from) vault.keyring.destroy(g);
      vault.keyring.removeLeftovers();
      // Old items get secrets of their own under the recorded generation, re-wrapped just below.
      upgraded = await upgradeLegacyItems(trx, vault, vault.pin(from));
      to = from + 1;
      vault.keyring.create(to);
      await onStage?.('written');
      for (const c of wrappedColumns) rewrapped += await rewrapColumn(trx, vault, c, to);
      await onStage?.('rewrapped');
      await trx
        .updateTable('meta')
        .set({ value: String(to) })
        .where('key', '=', generationKey)
        .execute();
      finalised = (
        await trx
          .updateTable('key_erasures')
          .set({ final_at: new Date(), destroyed_generation: from })
          .where('final_at', 'is', null)
          .returning('person_id')
          .execute()
      ).map((r) => r.person_id);
    });
  } catch (error) {
    // Destroy the new file only when the database certainly does not name it.
    if (to > from) {
      const recorded = await db
        .selectFrom('meta')
        .select('value')
        .where('key', '=', generationKey)
        .executeTakeFirst()
        .then(
          (r) => (r ? Number(r.value) : 0),
          () => undefined,
        );
      if (recorded !== undefined && recorded !== to) vault.keyring.destroy(to);
    }
    throw error;
  }
  vault.useGeneration(to);
  await onStage?.('committed');
  for (const g of vault.keyring.generations()) if (g < to) vault.keyring.destroy(g);
  await onStage?.('destroyed');
  return {
    from,
    to,
    rewrapped,
    upgraded,
    finalised,
    ms: Math.round(performance.now() - started),
  };
}

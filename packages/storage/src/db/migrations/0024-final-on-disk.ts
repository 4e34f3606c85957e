/**
 * Removal and retention final on disk (issue 20): what waits for a key generation to be destroyed
 * now says why (an erasure, a removal, a retention shred), and shreddable items get a secret of
 * their own, wrapped by the keyring, mixed into the key that seals them (null: sealed before).
 */
import type { Kysely } from 'kysely';

/** Adds key_erasures.kind, documents.secret_key, case_history.reason_key and persons.pii_key. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('key_erasures')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('erase'))
    .execute();
  await db.schema.alterTable('documents').addColumn('secret_key', 'bytea').execute();
  await db.schema.alterTable('case_history').addColumn('reason_key', 'bytea').execute();
  await db.schema.alterTable('persons').addColumn('pii_key', 'bytea').execute();
}

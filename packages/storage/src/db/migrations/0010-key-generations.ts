/**
 * Key generations (issue 20): erasures waiting for the key generation that wrapped them to be
 * destroyed, and the backups taken, so that an erasure can say which backups still hold a person.
 * The key-encryption keys themselves live in keyring files, never in a table.
 */
import { sql, type Kysely } from 'kysely';

/**
 * Adds key_erasures and backups; free text about persons gets sealed columns (case-history
 * reasons under the household's members' keys, duplicate-decision notes under both persons').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('key_erasures')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('erased_at', 'timestamptz', (c) => c.notNull())
    .addColumn('final_at', 'timestamptz')
    .addColumn('destroyed_generation', 'integer')
    .execute();
  await db.schema
    .createTable('backups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('kek_generation', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('case_history')
    .addColumn('reason_sealed', 'bytea')
    .addColumn('reason_members', 'jsonb')
    .execute();
  await db.schema.alterTable('dedup_pairs').addColumn('note_sealed', 'bytea').execute();
}

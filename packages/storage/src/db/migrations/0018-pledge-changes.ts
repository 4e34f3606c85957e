/**
 * Pledges as they are negotiated (issue 22): every change of a destination's rules or of a pledge,
 * with who made it, when, why, and the values before and after (quotas, never personal data).
 */
import { sql, type Kysely } from 'kysely';

/** Adds pledge_changes, and one pledge per destination and first day. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pledge_changes')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('destination_id', 'text', (c) => c.notNull())
    .addColumn('period_start', 'date')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pledge_changes_destination')
    .on('pledge_changes')
    .columns(['destination_id', 'id'])
    .execute();
}

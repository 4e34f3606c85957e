/**
 * After arrival (issue 23 item 5): confirmations of arrival by the receiving state or partner,
 * single-use confirmation links (only the SHA-256 of the token is kept), and the follow-up
 * contacts at 1, 3 and 12 months. No free text is kept: ids, dates, partner names (organisations,
 * never persons) and outcome codes only, so nothing here outlives a person's erasure.
 */
import { sql, type Kysely } from 'kysely';

/** Creates arrival_confirmations, arrival_links and follow_ups. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('arrival_confirmations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull())
    .addColumn('arrived_on', 'date', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('arrival_confirmations_household')
    .on('arrival_confirmations')
    .column('household_id')
    .execute();
  await db.schema
    .createTable('arrival_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('done_on', 'date')
    .addColumn('outcome', 'text')
    .addColumn('actor', 'text')
    .addColumn('role', 'text')
    .addColumn('recorded_at', 'timestamptz')
    .addUniqueConstraint('follow_ups_case_month', ['household_id', 'month'])
    .execute();
}

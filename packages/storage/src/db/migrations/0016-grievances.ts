/**
 * Grievances and appeals (issue 23 item 2): complaints per case with their deadline and history,
 * and appeals against an allocation. Every person's words are sealed (bytea) under the keys of the
 * case's members; the clear columns hold codes, ids, dates and statuses only.
 */
import { sql, type Kysely } from 'kysely';

/** Creates grievances, grievance_events and appeals. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('grievances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('confidential', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'bytea')
    .addColumn('text_members', 'jsonb')
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Confidential grievances are numbered apart (GC-…), so the gaps in the G-… numbers a role
  // sees tell nothing of them.
  await db.schema
    .createIndex('grievances_number')
    .on('grievances')
    .columns(['confidential', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('grievances_household')
    .on('grievances')
    .column('household_id')
    .execute();
  await db.schema
    .createTable('grievance_events')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('grievance_id', 'text', (c) =>
      c.notNull().references('grievances.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('text_sealed', 'bytea')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('grievance_events_grievance')
    .on('grievance_events')
    .column('grievance_id')
    .execute();
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grounds_sealed', 'bytea')
    .addColumn('grounds_members', 'jsonb')
    .addColumn('requested_destination_id', 'text')
    .addColumn('plan_id', 'integer', (c) => c.notNull())
    .addColumn('destination_id', 'text')
    .addColumn('explanation', 'jsonb', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_role', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason_sealed', 'bytea')
    .addColumn('decided_by', 'text')
    .addColumn('decided_role', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('new_destination_id', 'text')
    .addColumn('new_plan_id', 'integer')
    .execute();
  await db.schema.createIndex('appeals_household').on('appeals').column('household_id').execute();
}

/**
 * Retention (issue 20 item 5): the schedules an administrator sets per data category, legal holds
 * on persons or cases (their reason sealed under the members' keys), and the reports of what the
 * retention job shredded (counts and person ids, never personal values).
 */
import { sql, type Kysely } from 'kysely';

/**
 * Creates retention_schedules, legal_holds, retention_reports and checkin_shredded (the station
 * numbers of check-in records shredded, so a later merge of an old log does not bring them back and
 * a station never reuses a number).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('retention_schedules')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('after', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('reason_sealed', 'bytea')
    .addColumn('reason_members', 'jsonb')
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('released_by', 'text')
    .addColumn('released_at', 'timestamptz')
    .execute();
  // One active hold per person or case.
  await sql`create unique index legal_holds_active on legal_holds (subject, subject_id) where released_at is null`.execute(
    db,
  );
  await db.schema
    .createTable('retention_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'timestamptz', (c) => c.notNull())
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('checkin_shredded')
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('shredded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('checkin_shredded_pk', ['station', 'seq'])
    .execute();
}

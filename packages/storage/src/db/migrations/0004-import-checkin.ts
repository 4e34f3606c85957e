/** Imports of registry files (M2) and the check-in logs of the day of travel (M6). */
import { sql, type Kysely } from 'kysely';

/** Creates the imports and checkin_events tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('imports_sha256').on('imports').column('sha256').execute();
  // Append-only: a station's records are never updated or deleted, only added to (and merged).
  await db.schema
    .createTable('checkin_events')
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('movement_id', 'text', (c) =>
      c.notNull().references('movements.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('supersedes', 'jsonb')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('checkin_events_pk', ['station', 'seq'])
    .execute();
  await db.schema
    .createIndex('checkin_events_person')
    .on('checkin_events')
    .columns(['movement_id', 'person_id'])
    .execute();
}

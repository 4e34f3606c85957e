/**
 * Single-record editing (issue 22): a version per person for optimistic concurrency, and a case
 * history line that says what changed (field names, never values) beside its sealed reason.
 */
import { sql, type Kysely } from 'kysely';

/** Adds persons.version and persons.updated_at, and case_history.change. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('persons')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable('case_history').addColumn('change', 'text').execute();
}

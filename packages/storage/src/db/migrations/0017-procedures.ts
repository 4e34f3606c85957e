/**
 * Host-state procedures (issue 21): a template of steps per destination state, and each case's
 * steps with a state — dates, outcome, expiry, and a note sealed under the case members' keys.
 */
import { sql, type Kysely } from 'kysely';

/** Creates procedure_templates and procedure_steps. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('procedure_templates')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('steps', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('procedure_steps')
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('date', 'date')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('expires', 'date')
    .addColumn('note_sealed', 'bytea')
    .addColumn('note_members', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_steps_pk', ['household_id', 'state', 'step'])
    .execute();
  await db.schema
    .createIndex('procedure_steps_expires')
    .on('procedure_steps')
    .column('expires')
    .execute();
}

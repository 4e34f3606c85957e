/**
 * A job's input may hold personal data (an import's whole file): such a job keeps its input sealed
 * under a data key wrapped by the keyring, never in `params`, and both are removed when it ends.
 */
import type { Kysely } from 'kysely';

/** Adds jobs.input_sealed, jobs.input_key (the wrapped data key) and jobs.sealed_input. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('jobs')
    .addColumn('input_sealed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('input_key', 'bytea')
    .addColumn('sealed_input', 'bytea')
    .execute();
}

/** Jobs record when their run saved its plan: a cancel after that point is refused, not lost. */
import type { Kysely } from 'kysely';

/** Adds jobs.saved_at. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('saved_at', 'timestamptz').execute();
}

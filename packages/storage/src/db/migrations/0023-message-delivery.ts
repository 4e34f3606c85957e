/**
 * Durable delivery of messages (issue 23): the facts a send was given (so a delivery worker can
 * render the message again after a restart; no personal data: a place, a date), which worker
 * claimed a line and when (a line is handed to its channel by one worker at a time, and taken
 * over only once that claim is older than the lease), and when a delivery receipt came.
 */
import type { Kysely } from 'kysely';

/** Adds messages.facts, claimed_by, claimed_at, receipt_at and an index on the status. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('facts', 'jsonb')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('receipt_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('messages_status')
    .on('messages')
    .columns(['status', 'seq'])
    .execute();
}

/**
 * Check-in notes sealed like documents (issue 20): a note is sealed under its person's key mixed
 * with a secret of its own (keys/item-secret.ts), so that retention's shredding of a check-in
 * record, and its person's erasure, are final on disk. Notes written before stay in `note`.
 */
import type { Kysely } from 'kysely';

/** Adds checkin_events.item_id (the item's id, `station:seq`), note_sealed and note_key. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('checkin_events')
    .addColumn('item_id', 'text')
    .addColumn('note_sealed', 'bytea')
    .addColumn('note_key', 'bytea')
    .execute();
}

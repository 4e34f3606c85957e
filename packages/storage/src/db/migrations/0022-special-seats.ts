/**
 * Special places on board (issue 22 item 5): the stretchers, wheelchair places, infant places and
 * escorts a movement declares, as one JSON object (a kind left out sets no limit).
 */
import type { Kysely } from 'kysely';

/** Adds movements.special_seats (null: none declared). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('movements').addColumn('special_seats', 'jsonb').execute();
}

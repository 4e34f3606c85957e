/**
 * Movements as carriers see them (issue 21 item 5): the carrier (IATA airline designator or convoy
 * operator), the flight number or convoy reference, and the arrival with the offset it was given in.
 */
import type { Kysely } from 'kysely';

/** Adds movements.carrier, flight_number, arrive_at and arrive_offset (all optional). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('movements')
    .addColumn('carrier', 'text')
    .addColumn('flight_number', 'text')
    .addColumn('arrive_at', 'timestamptz')
    .addColumn('arrive_offset', 'text')
    .execute();
}

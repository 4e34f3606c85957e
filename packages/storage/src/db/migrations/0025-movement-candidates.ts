/**
 * Candidate movements (issue 21 item 2): offers with a window of departure days, seats, a cost and
 * a booking lead time, from which the timetable chooses; a booked one names the movement it became.
 */
import { sql, type Kysely } from 'kysely';

/** Creates movement_candidates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('movement_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('destination_id', 'text')
    .addColumn('seats', 'integer', (c) => c.notNull().check(sql`seats > 0`))
    .addColumn('baggage_kg', 'integer', (c) => c.notNull())
    .addColumn('earliest_day', 'date', (c) => c.notNull())
    .addColumn('latest_day', 'date', (c) => c.notNull())
    .addColumn('depart_time', 'text', (c) => c.notNull())
    .addColumn('cost_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('candidate'))
    .addColumn('booked_movement_id', 'text')
    .addColumn('booked_day', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('movement_candidates_window', sql`latest_day >= earliest_day`)
    .execute();
}

/** Candidate movements on Kysely. */
import { errors, type CandidateMovement, type IsoDate } from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import type { CandidateBooking, CandidateStore, NewCandidate } from './candidate-store.js';

type Row = Database['movement_candidates'] extends infer T ? { [K in keyof T]: unknown } : never;

function present(r: Row): CandidateMovement {
  return {
    id: r.id as string,
    kind: r.kind as CandidateMovement['kind'],
    destinationId: (r.destination_id as string | null) ?? null,
    seats: r.seats as number,
    baggageKg: r.baggage_kg as number,
    earliestDay: r.earliest_day as IsoDate,
    latestDay: r.latest_day as IsoDate,
    departTime: r.depart_time as string,
    costMinor: Number(r.cost_minor),
    currency: r.currency as string,
    leadTimeDays: r.lead_time_days as number,
    status: r.status as CandidateMovement['status'],
    bookedMovementId: (r.booked_movement_id as string | null) ?? null,
    bookedDay: (r.booked_day as IsoDate | null) ?? null,
  };
}

/** CandidateStore over Kysely. */
export class KyselyCandidates implements CandidateStore {
  constructor(private readonly db: Kysely<Database>) {}

  add(c: NewCandidate, actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      await trx
        .insertInto('movement_candidates')
        .values({
          id: c.id,
          kind: c.kind,
          destination_id: c.destinationId,
          seats: c.seats,
          baggage_kg: c.baggageKg,
          earliest_day: c.earliestDay,
          latest_day: c.latestDay,
          depart_time: c.departTime,
          cost_minor: c.costMinor,
          currency: c.currency,
          lead_time_days: c.leadTimeDays,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: 'candidate.add',
        entity: 'movement-candidate',
        entityId: c.id,
        detail: { seats: c.seats, costMinor: c.costMinor, currency: c.currency },
      });
    });
  }

  async list(): Promise<CandidateMovement[]> {
    const rows = await this.db
      .selectFrom('movement_candidates')
      .selectAll()
      .orderBy('earliest_day')
      .orderBy('id')
      .execute();
    return rows.map((r) => present(r as Row));
  }

  async get(id: string): Promise<CandidateMovement | undefined> {
    const r = await this.db
      .selectFrom('movement_candidates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? present(r as Row) : undefined;
  }

  remove(id: string, actor: Actor): Promise<boolean> {
    return transact(this.db, async (trx) => {
      const gone = await trx
        .deleteFrom('movement_candidates')
        .where('id', '=', id)
        .where('status', '=', 'candidate')
        .executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) return false;
      await appendAudit(trx, actor, {
        action: 'candidate.remove',
        entity: 'movement-candidate',
        entityId: id,
      });
      return true;
    });
  }

  book(bookings: readonly CandidateBooking[], actor: Actor): Promise<void> {
    if (bookings.length === 0) return Promise.resolve();
    return transact(this.db, async (trx) => {
      for (const b of bookings) {
        const done = await trx
          .updateTable('movement_candidates')
          .set({ status: 'booked', booked_movement_id: b.movementId, booked_day: b.day })
          .where('id', '=', b.id)
          .where('status', '=', 'candidate')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1)
          throw errors.conflict(`candidate ${b.id} is gone or booked already`);
      }
      await appendAudit(trx, actor, {
        action: 'candidate.book',
        entity: 'movement-candidate',
        entityId: '*',
        detail: { bookings: bookings.map((b) => ({ ...b })) },
      });
    });
  }
}

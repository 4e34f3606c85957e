/** Movements and ground capacity on Kysely. */
import {
  errors,
  GroundCapacitySchema,
  isoOffsetOf,
  toOffsetIso,
  toZonedIso,
  type IsoDate,
  type SpecialSeats,
} from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import type {
  GroundCapacity,
  Movement,
  MovementChange,
  MovementKind,
  MovementStatus,
  MovementStore,
} from './movement-store.js';
import { transact } from '../db/transact.js';

type Row = Database['movements'] extends infer T ? { [K in keyof T]: unknown } : never;

function present(r: Row): Movement {
  return {
    id: r.id as string,
    kind: r.kind as MovementKind,
    origin: r.origin as string,
    destinationId: r.destination_id as string | null,
    arrivalAirport: r.arrival_airport as string | null,
    departAt: toZonedIso(new Date(r.depart_at as Date), r.timezone as string),
    timezone: r.timezone as string,
    seats: r.seats as number,
    baggageKg: r.baggage_kg as number,
    status: r.status as MovementStatus,
    carrier: (r.carrier as string | null) ?? null,
    flightNumber: (r.flight_number as string | null) ?? null,
    arriveAt:
      r.arrive_at === null || r.arrive_at === undefined
        ? null
        : toOffsetIso(new Date(r.arrive_at as Date), (r.arrive_offset as string | null) ?? 'Z'),
    specialSeats: (r.special_seats as SpecialSeats | null | undefined) ?? null,
    version: r.version as number,
  };
}

/** MovementStore over Kysely. */
export class KyselyMovements implements MovementStore {
  constructor(private readonly db: Kysely<Database>) {}

  add(movements: Omit<Movement, 'version'>[], actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      await insertInBatches(
        trx,
        'movements',
        movements.map((m) => ({
          id: m.id,
          kind: m.kind,
          origin: m.origin,
          destination_id: m.destinationId,
          arrival_airport: m.arrivalAirport,
          depart_at: m.departAt,
          timezone: m.timezone,
          seats: m.seats,
          baggage_kg: m.baggageKg,
          status: m.status,
          carrier: m.carrier ?? null,
          flight_number: m.flightNumber ?? null,
          arrive_at: m.arriveAt ?? null,
          arrive_offset: m.arriveAt ? isoOffsetOf(m.arriveAt) : null,
          special_seats: m.specialSeats ? JSON.stringify(m.specialSeats) : null,
        })),
      );
      await appendAudit(trx, actor, {
        action: 'movement.add',
        entity: 'movement',
        entityId: '*',
        detail: { count: movements.length },
      });
    });
  }

  async list(): Promise<Movement[]> {
    return (
      await this.db.selectFrom('movements').selectAll().orderBy('depart_at').orderBy('id').execute()
    ).map((r) => present(r as Row));
  }

  async get(id: string): Promise<Movement | undefined> {
    const r = await this.db
      .selectFrom('movements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? present(r as Row) : undefined;
  }

  async update(
    id: string,
    change: MovementChange,
    expectedVersion: number | undefined,
    actor: Actor,
  ): Promise<Movement> {
    return (await this.change(id, change, expectedVersion, actor)).after;
  }

  change(
    id: string,
    change: MovementChange,
    expectedVersion: number | undefined,
    actor: Actor,
  ): Promise<{ before: Movement; after: Movement }> {
    return transact(this.db, async (trx) => {
      const current = await trx
        .selectFrom('movements')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw errors.notFound('movement', id);
      if (expectedVersion !== undefined && current.version !== expectedVersion) {
        throw errors.conflict(
          `movement ${id} changed since you read it (version ${current.version}, you had ${expectedVersion})`,
        );
      }
      const updated = await trx
        .updateTable('movements')
        .set({
          ...(change.status ? { status: change.status } : {}),
          ...(change.seats !== undefined ? { seats: change.seats } : {}),
          ...(change.baggageKg !== undefined ? { baggage_kg: change.baggageKg } : {}),
          ...(change.carrier !== undefined ? { carrier: change.carrier } : {}),
          ...(change.flightNumber !== undefined ? { flight_number: change.flightNumber } : {}),
          ...(change.arriveAt !== undefined
            ? {
                arrive_at: change.arriveAt,
                arrive_offset: change.arriveAt ? isoOffsetOf(change.arriveAt) : null,
              }
            : {}),
          ...(change.specialSeats !== undefined
            ? {
                special_seats: change.specialSeats ? JSON.stringify(change.specialSeats) : null,
              }
            : {}),
          version: sql`version + 1`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'movement.update',
        entity: 'movement',
        entityId: id,
        detail: { ...change },
      });
      return { before: present(current as Row), after: present(updated as Row) };
    });
  }

  setGroundCapacity(days: GroundCapacity[], actor: Actor): Promise<void> {
    const problems = days.flatMap((d, k) => {
      const parsed = GroundCapacitySchema.safeParse(d);
      return parsed.success
        ? []
        : parsed.error.issues.map(
            (i) => `day ${d?.day ?? `#${k + 1}`}: ${i.path.join('.')} ${i.message}`,
          );
    });
    if (problems.length > 0)
      return Promise.reject(
        errors.invalidInput(
          `ground capacity not set: ${problems.slice(0, 10).join('; ')}`,
          problems,
        ),
      );
    return transact(this.db, async (trx) => {
      for (const d of days) {
        await trx
          .insertInto('ground_capacity')
          .values(d)
          .onConflict((oc) =>
            oc
              .column('day')
              .doUpdateSet({ persons: d.persons, vehicles: d.vehicles, hours: d.hours }),
          )
          .execute();
      }
      await appendAudit(trx, actor, {
        action: 'ground-capacity.set',
        entity: 'ground-capacity',
        entityId: '*',
        detail: { days: days.length },
      });
    });
  }

  async groundCapacity(): Promise<GroundCapacity[]> {
    const rows = await this.db.selectFrom('ground_capacity').selectAll().orderBy('day').execute();
    return rows.map((r) => ({ ...r, day: r.day as IsoDate }));
  }
}

/** Check-in records on Kysely: one implementation for PGlite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import {
  checkinKey,
  errors,
  foldCheckins,
  type CheckinEvent,
  type CheckinRow,
} from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import type { Vault } from '../vault/vault.js';
import {
  householdMembers,
  insertEvents,
  movementHouseholds,
  readEvents,
} from './checkin-events.js';
import type {
  CheckinPerson,
  CheckinStore,
  HouseholdMember,
  NewCheckinRecord,
} from './checkin-store.js';

const stationKey = 'checkin_station';
const lockKey = 7_270_404;

/** This database's own station id, made up on first use. */
async function ownStation(db: Db): Promise<string> {
  const made = `station-${randomBytes(3).toString('hex')}`;
  await db
    .insertInto('meta')
    .values({ key: stationKey, value: made })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', stationKey)
    .executeTakeFirstOrThrow();
  return row.value;
}

/** CheckinStore over a Kysely database. */
export class KyselyCheckin implements CheckinStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  station(): Promise<string> {
    return ownStation(this.db);
  }

  append(record: NewCheckinRecord, actor: Actor): Promise<CheckinEvent> {
    return transact(this.db, async (trx) => {
      await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
      const station = record.station ?? (await ownStation(trx));
      const foreign = await trx
        .selectFrom('checkin_events')
        .select(['seq'])
        .where('station', '=', station)
        .where('origin', '=', 'merged')
        .executeTakeFirst();
      if (foreign)
        throw errors.conflict(
          `station ${station} records on another device (its records came here by merge); use this device's own station id`,
        );
      // A number shredded by retention (checkin_shredded) is never given again.
      const last = await trx
        .selectFrom('checkin_events')
        .select(sql<number>`coalesce(max(seq), 0)::int`.as('seq'))
        .where('station', '=', station)
        .executeTakeFirstOrThrow();
      const shredded = await trx
        .selectFrom('checkin_shredded')
        .select(sql<number>`coalesce(max(seq), 0)::int`.as('seq'))
        .where('station', '=', station)
        .executeTakeFirstOrThrow();
      const event: CheckinEvent = {
        station,
        seq: Math.max(last.seq, shredded.seq) + 1,
        movementId: record.movementId,
        personId: record.personId,
        status: record.status,
        at: new Date().toISOString(),
        actor: actor.name,
        role: actor.role,
        note: record.note,
        supersedes: record.supersedes,
      };
      await insertEvents(trx, this.vault, [event], 'local');
      await appendAudit(trx, actor, {
        action: record.supersedes ? 'checkin.resolve' : 'checkin.record',
        entity: 'person',
        entityId: event.personId,
        detail: {
          movement: event.movementId,
          status: event.status,
          station,
          seq: event.seq,
          ...(record.supersedes ? { supersedes: record.supersedes } : {}),
        },
      });
      return event;
    });
  }

  addMerged(events: readonly CheckinEvent[], actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      await insertEvents(trx, this.vault, events, 'merged');
      for (const e of events)
        await appendAudit(trx, actor, {
          action: 'checkin.merge',
          entity: 'person',
          entityId: e.personId,
          detail: { movement: e.movementId, status: e.status, station: e.station, seq: e.seq },
        });
    });
  }

  events(
    filter: { movementId?: string; station?: string; personIds?: readonly string[] } = {},
  ): Promise<CheckinEvent[]> {
    return readEvents(this.db, this.vault, filter);
  }

  async shreddedNumbers(station: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('checkin_shredded')
      .select('seq')
      .where('station', '=', station)
      .execute();
    return rows.map((r) => Number(r.seq));
  }

  async list(movementId: string): Promise<CheckinRow[]> {
    if (
      !(await this.db
        .selectFrom('movements')
        .select('id')
        .where('id', '=', movementId)
        .executeTakeFirst())
    )
      throw errors.notFound('movement', movementId);
    const members = await householdMembers(this.db, await movementHouseholds(this.db, movementId));
    const states = foldCheckins(await readEvents(this.db, this.vault, { movementId }));
    return members.map((m) => {
      const s = states.get(checkinKey(movementId, m.id));
      const agreed = s !== undefined && s.status !== null;
      return {
        movementId,
        householdId: m.household_id,
        personId: m.id,
        isHead: m.is_head,
        status: s ? (s.status ?? 'conflict') : 'booked',
        station: agreed ? s.latest.station : null,
        at: agreed ? s.latest.at : null,
      };
    });
  }

  bookedHouseholds(movementId: string): Promise<string[]> {
    return movementHouseholds(this.db, movementId);
  }

  async members(householdIds: readonly string[]): Promise<HouseholdMember[]> {
    return (await householdMembers(this.db, [...new Set(householdIds)])).map((m) => ({
      personId: m.id,
      householdId: m.household_id,
      isHead: m.is_head,
    }));
  }

  async persons(personIds: readonly string[]): Promise<Map<string, CheckinPerson>> {
    const ids = [...new Set(personIds)];
    const out = new Map<string, CheckinPerson>();
    for (let i = 0; i < ids.length; i += 5000)
      for (const p of await this.db
        .selectFrom('persons')
        .select(['id', 'household_id', 'merged_into'])
        .where('id', 'in', ids.slice(i, i + 5000))
        .execute())
        out.set(p.id, { personId: p.id, householdId: p.household_id, mergedInto: p.merged_into });
    return out;
  }

  async lockHouseholds(householdIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(householdIds)].sort();
    if (ids.length === 0) return new Map();
    return transact(this.db, async (trx) => {
      const rows = await trx
        .selectFrom('households')
        .select(['id', 'status'])
        .where('id', 'in', ids)
        .orderBy('id')
        .forUpdate()
        .execute();
      return new Map(rows.map((r) => [r.id, r.status]));
    });
  }
}

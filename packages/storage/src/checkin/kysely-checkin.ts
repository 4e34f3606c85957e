/** Check-in on Kysely: one implementation for PGlite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import {
  checkinKey,
  errors,
  foldCheckins,
  isCheckinStatus,
  isStationId,
  supersedesFor,
  type CheckinEvent,
  type CheckinState,
} from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import {
  householdMembers,
  insertEvents,
  movementHouseholds,
  readEvents,
} from './checkin-events.js';
import { buildLog, mergeEvents, parseLog } from './checkin-merge.js';
import type {
  CheckinConflict,
  CheckinInput,
  CheckinLog,
  CheckinResult,
  CheckinRow,
  CheckinStore,
  HouseholdMove,
  MergeResult,
  MovementCheckinSummary,
} from './checkin-store.js';
import { moveHouseholds } from './household-moves.js';
import { transact } from '../db/transact.js';

/** Roles that work the check-in desks and gates. */
export const checkinRoles: readonly string[] = ['admin', 'movement-officer'];
const stationKey = 'checkin_station';
const lockKey = 7_270_404;

function mayCheckIn(actor: Actor): void {
  if (!checkinRoles.includes(actor.role))
    throw errors.forbidden(
      `role ${actor.role} may not record check-ins; allowed roles: ${checkinRoles.join(', ')}`,
    );
}

async function operationId(db: Db): Promise<string> {
  const op = await db.selectFrom('operations').select(['id']).executeTakeFirst();
  if (!op) throw errors.noOperation();
  return op.id;
}

async function personHomes(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 5000)
    for (const p of await db
      .selectFrom('persons')
      .select(['id', 'household_id'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute())
      out.set(p.id, p.household_id);
  return out;
}

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
  constructor(private readonly db: Kysely<Database>) {}

  station(): Promise<string> {
    return ownStation(this.db);
  }

  private async stationFor(trx: Db, requested: string | undefined): Promise<string> {
    const station = requested ?? (await ownStation(trx));
    if (!isStationId(station))
      throw errors.invalidInput(`station "${station}" must be letters, digits, ".", "_" or "-"`);
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
    return station;
  }

  private async bookedHousehold(trx: Db, movementId: string, personId: string): Promise<string> {
    const movement = await trx
      .selectFrom('movements')
      .select(['status'])
      .where('id', '=', movementId)
      .executeTakeFirst();
    if (!movement) throw errors.notFound('movement', movementId);
    if (movement.status === 'cancelled')
      throw errors.conflict(`movement ${movementId} is cancelled`);
    const person = await trx
      .selectFrom('persons')
      .select(['household_id', 'merged_into'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) throw errors.notFound('person', personId);
    if (person.merged_into)
      throw errors.conflict(`person ${personId} was merged into ${person.merged_into}`);
    if (!(await movementHouseholds(trx, movementId)).includes(person.household_id))
      throw errors.notOnMovement(personId, movementId);
    return person.household_id;
  }

  private async append(
    trx: Db,
    input: CheckinInput,
    actor: Actor,
    supersedes: Record<string, number> | null,
  ): Promise<CheckinEvent> {
    await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
    const station = await this.stationFor(trx, input.station);
    const last = await trx
      .selectFrom('checkin_events')
      .select(sql<number>`coalesce(max(seq), 0)::int`.as('seq'))
      .where('station', '=', station)
      .executeTakeFirstOrThrow();
    const event: CheckinEvent = {
      station,
      seq: last.seq + 1,
      movementId: input.movementId,
      personId: input.personId,
      status: input.status,
      at: new Date().toISOString(),
      actor: actor.name,
      role: actor.role,
      note: input.note ?? null,
      supersedes,
    };
    await insertEvents(trx, [event], 'local');
    await appendAudit(trx, actor, {
      action: supersedes ? 'checkin.resolve' : 'checkin.record',
      entity: 'person',
      entityId: event.personId,
      detail: {
        movement: event.movementId,
        status: event.status,
        station,
        seq: event.seq,
        ...(supersedes ? { supersedes } : {}),
      },
    });
    return event;
  }

  private async stateOf(trx: Db, movementId: string, personId: string) {
    const events = await readEvents(trx, { movementId, personIds: [personId] });
    return foldCheckins(events).get(checkinKey(movementId, personId));
  }

  async record(input: CheckinInput, actor: Actor): Promise<CheckinResult> {
    mayCheckIn(actor);
    if (!isCheckinStatus(input.status))
      throw errors.invalidInput(`status must be checked-in, boarded, no-show or arrived`);
    return transact(this.db, async (trx) => {
      const household = await this.bookedHousehold(trx, input.movementId, input.personId);
      // Two desks on one database take turns per household: the second sees the first's record
      // (and is told the person is already checked in) instead of both moving the household.
      await trx
        .selectFrom('households')
        .select('id')
        .where('id', '=', household)
        .forUpdate()
        .execute();
      const before = await this.stateOf(trx, input.movementId, input.personId);
      if (before && before.status === null)
        throw errors.checkinConflict(input.personId, input.movementId);
      if (before?.status === input.status)
        throw errors.invalidTransition(
          `person ${input.personId} is already ${input.status} on movement ${input.movementId}`,
        );
      const event = await this.append(trx, input, actor, null);
      const householdMoves = await moveHouseholds(
        trx,
        input.movementId,
        [household],
        actor,
        `check-in on movement ${input.movementId} (station ${event.station})`,
      );
      const state = (await this.stateOf(trx, input.movementId, input.personId)) as CheckinState;
      return { event, state, householdMoves };
    });
  }

  async resolve(input: CheckinInput & { note: string }, actor: Actor): Promise<CheckinResult> {
    mayCheckIn(actor);
    if (input.note.trim().length < 3)
      throw errors.invalidInput('a note of at least 3 characters is required for a decision');
    return transact(this.db, async (trx) => {
      const before = await this.stateOf(trx, input.movementId, input.personId);
      if (!before || before.status !== null)
        throw errors.conflict(
          `stations do not disagree about person ${input.personId} on movement ${input.movementId}`,
        );
      const event = await this.append(trx, input, actor, supersedesFor(before));
      const person = await trx
        .selectFrom('persons')
        .select(['household_id'])
        .where('id', '=', input.personId)
        .executeTakeFirstOrThrow();
      const householdMoves = await moveHouseholds(
        trx,
        input.movementId,
        [person.household_id],
        actor,
        `check-in conflict decided on movement ${input.movementId}`,
      );
      const state = (await this.stateOf(trx, input.movementId, input.personId)) as CheckinState;
      return { event, state, householdMoves };
    });
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
    const states = foldCheckins(await readEvents(this.db, { movementId }));
    return members.map((m) => {
      const s = states.get(checkinKey(movementId, m.id));
      return {
        movementId,
        householdId: m.household_id,
        personId: m.id,
        isHead: m.is_head,
        status: s ? (s.status ?? 'conflict') : 'booked',
        station: s && s.status !== null ? s.latest.station : null,
        at: s && s.status !== null ? s.latest.at : null,
      };
    });
  }

  async summary(movementId: string): Promise<MovementCheckinSummary> {
    const movement = await this.db
      .selectFrom('movements')
      .select(['seats'])
      .where('id', '=', movementId)
      .executeTakeFirst();
    if (!movement) throw errors.notFound('movement', movementId);
    const rows = await this.list(movementId);
    const count = (s: CheckinRow['status']) => rows.filter((r) => r.status === s).length;
    const noShow = count('no-show');
    return {
      movementId,
      seats: movement.seats,
      households: new Set(rows.map((r) => r.householdId)).size,
      booked: rows.length,
      pending: count('booked'),
      checkedIn: count('checked-in'),
      boarded: count('boarded'),
      noShow,
      arrived: count('arrived'),
      conflicts: count('conflict'),
      seatsFree: Math.max(0, movement.seats - (rows.length - noShow)),
      noShows: rows
        .filter((r) => r.status === 'no-show')
        .map((r) => ({ personId: r.personId, householdId: r.householdId })),
    };
  }

  events(filter: { movementId?: string; station?: string } = {}): Promise<CheckinEvent[]> {
    return readEvents(this.db, filter);
  }

  async exportLog(station?: string): Promise<CheckinLog> {
    const op = await operationId(this.db);
    return buildLog(op, station ?? null, await readEvents(this.db, station ? { station } : {}));
  }

  async merge(log: unknown, actor: Actor): Promise<MergeResult> {
    mayCheckIn(actor);
    return transact(this.db, async (trx) => {
      const events = parseLog(log, await operationId(trx));
      const { added, alreadyHad } = await mergeEvents(trx, events, actor);
      const byMovement = new Map<string, Set<string>>();
      const households = await personHomes(
        trx,
        added.map((e) => e.personId),
      );
      for (const e of added) {
        const h = households.get(e.personId);
        if (!h) continue;
        const set = byMovement.get(e.movementId) ?? new Set<string>();
        set.add(h);
        byMovement.set(e.movementId, set);
      }
      const householdMoves: HouseholdMove[] = [];
      for (const [movementId, ids] of byMovement)
        householdMoves.push(
          ...(await moveHouseholds(
            trx,
            movementId,
            [...ids],
            actor,
            `check-in records merged for movement ${movementId}`,
          )),
        );
      const movements = [...new Set(events.map((e) => e.movementId))];
      const conflicts: CheckinConflict[] = [];
      for (const m of movements) conflicts.push(...(await this.conflictsIn(trx, m)));
      return {
        received: events.length,
        added: added.length,
        alreadyHad,
        stations: [...new Set(events.map((e) => e.station))].sort(),
        conflicts,
        householdMoves,
      };
    });
  }

  private async conflictsIn(db: Db, movementId?: string): Promise<CheckinConflict[]> {
    const states = foldCheckins(await readEvents(db, movementId ? { movementId } : {}));
    const open = [...states.values()].filter((s) => s.status === null);
    const homes = await personHomes(
      db,
      open.map((s) => s.personId),
    );
    return open.map((s) => ({
      movementId: s.movementId,
      personId: s.personId,
      householdId: homes.get(s.personId) ?? null,
      records: s.conflict ?? [],
    }));
  }

  conflicts(movementId?: string): Promise<CheckinConflict[]> {
    return this.conflictsIn(this.db, movementId);
  }
}

/** `checkin.merge`: another station's log joins this one; both sides' records survive. */
import {
  can,
  canonicalEvent,
  CheckinLogSchema,
  errors,
  isRole,
  MergeResultSchema,
  type BoardedApart,
  type CheckinEvent,
  type CheckinConflict,
  type HouseholdMove,
} from '@corridor/core';
import { erasedText, type Store } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { emitCheckinRecorded } from './emit-recorded.js';
import { checkinSystemActor, moveHouseholds } from './household-moves.js';
import { verifiedEvents } from './log.js';
import { membersApart, splitAllowed } from './split.js';
import { openConflicts } from './state.js';

const label = (e: CheckinEvent) => `${e.station} #${e.seq}`;

/** Whether a held record is `e`: the note of a person erased since is no longer kept, so not compared. */
const sameRecord = (mine: CheckinEvent, e: CheckinEvent) =>
  canonicalEvent(mine) ===
  canonicalEvent(mine.note === erasedText ? { ...e, note: erasedText } : e);
const some = (events: readonly CheckinEvent[]) =>
  `${events.slice(0, 5).map(label).join(', ')}${events.length > 5 ? ', …' : ''}`;

/** Records whose recorder's role may not record check-ins (the `checkin.record` policy). */
function unauthorised(events: readonly CheckinEvent[]): CheckinEvent[] {
  return events.filter(
    (e) => !isRole(e.role) || !can({ name: e.actor, role: e.role }, 'movement.checkin'),
  );
}

/**
 * The records not held yet, idempotent on (station, seq): a record already held must be the
 * same, since a station's log is append-only; a different one means two devices used one
 * station id, and the merge is refused whole.
 */
async function newRecords(
  store: Store,
  events: readonly CheckinEvent[],
): Promise<{ added: CheckinEvent[]; alreadyHad: number }> {
  const held = new Map<string, CheckinEvent>();
  // Records shredded by retention count as held: an old log merged again does not restore them.
  const shredded = new Set<string>();
  for (const station of new Set(events.map((e) => e.station))) {
    for (const e of await store.checkin.events({ station })) held.set(label(e), e);
    for (const seq of await store.checkin.shreddedNumbers(station))
      shredded.add(`${station} #${seq}`);
  }
  const added: CheckinEvent[] = [];
  const clashes: CheckinEvent[] = [];
  const seen = new Set<string>();
  let alreadyHad = 0;
  for (const e of events) {
    const mine = held.get(label(e));
    if (shredded.has(label(e))) alreadyHad++;
    else if (mine) {
      if (sameRecord(mine, e)) alreadyHad++;
      else clashes.push(e);
    } else if (!seen.has(label(e))) added.push(e);
    seen.add(label(e));
  }
  if (clashes.length > 0)
    throw errors.checkinLogInvalid(
      `records ${some(clashes)} differ from the ones held under the same station and number; each station id must belong to one device`,
    );
  return { added, alreadyHad };
}

/**
 * Adds the records of a log from another station: every record is kept, none overwritten.
 * Each record's recorded role must be one that may record check-ins. Households move on as a
 * case transition by check-in's system actor (day-of-travel steps only), in the same
 * transaction; disagreements between stations are answered as conflicts for people to decide.
 */
export const mergeCheckinLog = defineCommand({
  name: 'checkin.merge',
  summary: 'Merge another station’s log: every record kept, disagreements listed as conflicts',
  input: z.object({ log: CheckinLogSchema }),
  output: MergeResultSchema,
  permission: 'movement.mergeCheckin',
  audit: 'checkin.merge',
  async run({ store, actor, now }, { log }) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const events = verifiedEvents(log, op.id);
    const refused = unauthorised(events);
    if (refused.length > 0)
      throw errors.checkinLogInvalid(
        `records ${some(refused)} were recorded in a role that may not record check-ins (${[
          ...new Set(refused.map((e) => e.role)),
        ].join(', ')})`,
      );
    const { added, alreadyHad } = await newRecords(store, events);
    const movements = new Set((await store.movements.list()).map((m) => m.id));
    const persons = await store.checkin.persons(added.map((e) => e.personId));
    const unknown = added.filter((e) => !movements.has(e.movementId) || !persons.has(e.personId));
    if (unknown.length > 0)
      throw errors.checkinLogInvalid(
        `records ${some(unknown)} name movements or persons this database does not hold`,
      );
    await store.checkin.addMerged(added, actor);
    for (const e of added)
      await emitCheckinRecorded({ store, now }, e, persons.get(e.personId)!.householdId, 'merge');
    const byMovement = new Map<string, Set<string>>();
    for (const e of added) {
      const set = byMovement.get(e.movementId) ?? new Set<string>();
      set.add(persons.get(e.personId)!.householdId);
      byMovement.set(e.movementId, set);
    }
    const householdMoves: HouseholdMove[] = [];
    for (const [movementId, ids] of byMovement)
      householdMoves.push(
        ...(await moveHouseholds(
          { store, now },
          movementId,
          [...ids],
          checkinSystemActor(actor.name),
          `check-in records merged for movement ${movementId}`,
        )),
      );
    const conflicts: CheckinConflict[] = [];
    for (const m of new Set(events.map((e) => e.movementId)))
      conflicts.push(...(await openConflicts(store, m)));
    // The boarding safeguard, checked after the fact: the records stay, the split is reported.
    const boardedApart: BoardedApart[] = [];
    const allowed = new Map<string, boolean>();
    for (const e of added.filter((r) => r.status === 'boarded')) {
      const householdId = persons.get(e.personId)!.householdId;
      const apart = await membersApart(store, e.movementId, householdId, e.personId);
      if (apart.length === 0) continue;
      const key = `${e.movementId} ${householdId}`;
      if (!allowed.has(key))
        allowed.set(key, await store.registry.caseNoted(householdId, splitAllowed(e.movementId)));
      if (!allowed.get(key))
        boardedApart.push({ movementId: e.movementId, householdId, personId: e.personId, apart });
    }
    return {
      received: events.length,
      added: added.length,
      alreadyHad,
      stations: [...new Set(events.map((e) => e.station))].sort(),
      conflicts,
      householdMoves,
      boardedApart,
    };
  },
});

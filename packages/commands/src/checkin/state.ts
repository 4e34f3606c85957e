/** Reading where people stand on a movement from the stored records (folded by core). */
import {
  checkinKey,
  errors,
  foldCheckins,
  type CheckinConflict,
  type CheckinRow,
  type CheckinState,
  type MovementCheckinSummary,
} from '@corridor/core';
import type { Store } from '@corridor/storage';

/** One person's state on a movement, or undefined when nothing was recorded. */
export async function personState(
  store: Store,
  movementId: string,
  personId: string,
): Promise<CheckinState | undefined> {
  const events = await store.checkin.events({ movementId, personIds: [personId] });
  return foldCheckins(events).get(checkinKey(movementId, personId));
}

/** Everyone booked on a movement with their status, households together, head first. */
export function deskRows(store: Store, movementId: string): Promise<CheckinRow[]> {
  return store.checkin.list(movementId);
}

/** Counts and freed seats of a movement from its desk rows. */
export function summaryOf(
  movementId: string,
  seats: number,
  rows: readonly CheckinRow[],
): MovementCheckinSummary {
  const count = (s: CheckinRow['status']) => rows.filter((r) => r.status === s).length;
  const noShow = count('no-show');
  return {
    movementId,
    seats,
    households: new Set(rows.map((r) => r.householdId)).size,
    booked: rows.length,
    pending: count('booked'),
    checkedIn: count('checked-in'),
    boarded: count('boarded'),
    noShow,
    arrived: count('arrived'),
    conflicts: count('conflict'),
    seatsFree: Math.max(0, seats - (rows.length - noShow)),
    noShows: rows
      .filter((r) => r.status === 'no-show')
      .map((r) => ({ personId: r.personId, householdId: r.householdId })),
  };
}

/** The summary of a movement on the day. */
export async function movementSummary(
  store: Store,
  movementId: string,
): Promise<MovementCheckinSummary> {
  const movement = await store.movements.get(movementId);
  if (!movement) throw errors.notFound('movement', movementId);
  return summaryOf(movementId, movement.seats, await deskRows(store, movementId));
}

/** Persons whose status stations disagree on, optionally on one movement. */
export async function openConflicts(store: Store, movementId?: string): Promise<CheckinConflict[]> {
  const states = foldCheckins(await store.checkin.events(movementId ? { movementId } : {}));
  const open = [...states.values()].filter((s) => s.status === null);
  const homes = await store.checkin.persons(open.map((s) => s.personId));
  return open.map((s) => ({
    movementId: s.movementId,
    personId: s.personId,
    householdId: homes.get(s.personId)?.householdId ?? null,
    records: s.conflict ?? [],
  }));
}

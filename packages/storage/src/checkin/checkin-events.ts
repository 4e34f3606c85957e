/** Reading and writing check-in records, and who is booked on a movement. */
import { isCheckinStatus, type CheckinEvent } from '@corridor/core';
import type { Db } from '../db/batch.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import { personKeys } from '../registry/person-keys.js';
import type { Vault } from '../vault/vault.js';
import { noteKeys, openCheckinNote, sealCheckinNote } from './checkin-note.js';

type Row = {
  station: string;
  seq: number;
  movement_id: string;
  person_id: string;
  status: string;
  at: Date | string;
  actor: string;
  role: string;
  note: string | null;
  supersedes: Record<string, number> | null;
};

/** A stored row as a record, its note opened (checkin-note.ts) by the caller. */
export function eventOf(r: Row): CheckinEvent {
  if (!isCheckinStatus(r.status)) throw new Error(`stored check-in status ${r.status} is unknown`);
  return {
    station: r.station,
    seq: Number(r.seq),
    movementId: r.movement_id,
    personId: r.person_id,
    status: r.status,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    role: r.role,
    note: r.note,
    supersedes: r.supersedes,
  };
}

/** Records, optionally of one movement and/or station, by station and sequence, notes opened. */
export async function readEvents(
  db: Db,
  vault: Vault,
  filter: { movementId?: string; station?: string; personIds?: readonly string[] } = {},
): Promise<CheckinEvent[]> {
  let q = db.selectFrom('checkin_events').selectAll().orderBy('station').orderBy('seq');
  if (filter.movementId) q = q.where('movement_id', '=', filter.movementId);
  if (filter.station) q = q.where('station', '=', filter.station);
  if (filter.personIds) {
    if (filter.personIds.length === 0) return [];
    q = q.where('person_id', 'in', [...filter.personIds]);
  }
  const rows = await q.execute();
  const keys = await noteKeys(db, vault, rows);
  return rows.map((r) => eventOf({ ...r, note: openCheckinNote(vault, keys, r) }));
}

/**
 * Inserts records as they are (their station and sequence kept), each note sealed under its
 * person's key and a secret of its own, wrapped under the generation the transaction holds.
 */
export async function insertEvents(
  db: Db,
  vault: Vault,
  events: readonly CheckinEvent[],
  origin: 'local' | 'merged',
): Promise<void> {
  const pin = await pinGeneration(db, vault);
  const keys = await personKeys(db, vault, [
    ...new Set(events.filter((e) => e.note !== null).map((e) => e.personId)),
  ]);
  for (let i = 0; i < events.length; i += 500)
    await db
      .insertInto('checkin_events')
      .values(
        events.slice(i, i + 500).map((e) => ({
          station: e.station,
          seq: e.seq,
          movement_id: e.movementId,
          person_id: e.personId,
          status: e.status,
          at: e.at,
          actor: e.actor,
          role: e.role,
          ...sealCheckinNote(vault, pin, keys.get(e.personId), e.station, e.seq, e.note),
          supersedes: e.supersedes ? JSON.stringify(e.supersedes) : null,
          origin,
        })),
      )
      .execute();
}

/** The households booked on a movement by the current timetable (or joint plan), by id. */
export async function movementHouseholds(db: Db, movementId: string): Promise<string[]> {
  for (const kind of ['timetable', 'joint']) {
    const plan = await db
      .selectFrom('plans')
      .select(['id'])
      .where('kind', '=', kind)
      .where('status', '=', 'current')
      .executeTakeFirst();
    if (!plan) continue;
    const rows = await db
      .selectFrom('plan_assignments')
      .select(['household_id'])
      .where('plan_id', '=', plan.id)
      .where('movement_id', '=', movementId)
      .orderBy('household_id')
      .execute();
    return rows.map((r) => r.household_id);
  }
  return [];
}

/** The active members of households, head first. */
export async function householdMembers(
  db: Db,
  householdIds: readonly string[],
): Promise<{ id: string; household_id: string; is_head: boolean }[]> {
  if (householdIds.length === 0) return [];
  const out: { id: string; household_id: string; is_head: boolean }[] = [];
  for (let i = 0; i < householdIds.length; i += 5000)
    out.push(
      ...(await db
        .selectFrom('persons')
        .select(['id', 'household_id', 'is_head'])
        .where('household_id', 'in', householdIds.slice(i, i + 5000))
        .where('merged_into', 'is', null)
        .orderBy('household_id')
        .orderBy('is_head', 'desc')
        .orderBy('id')
        .execute()),
    );
  return out;
}

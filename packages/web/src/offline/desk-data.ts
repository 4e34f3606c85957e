/**
 * What the desk keeps on the device while online (sealed in the vault): who is logged in, the
 * operation's id, and the desk lists of the movements departing in the next days; and the sync
 * of the device's log through the same merge as `corridor checkin merge`.
 */
import type { CheckinConflict, CheckinLog, MergeResult } from '@corridor/core';
import { api } from '../lib/api.js';
import { checkinRows, type CheckinRow } from '../lib/checkin.js';
import type { Me } from '../lib/session.js';
import type { MovementList } from '../lib/types.js';
import { logFile, markSent, pending, readLog } from './device-log.js';
import { stationId } from './station.js';
import type { Vault } from './vault.js';

type Movement = MovementList['movements'][number];

/** Who uses the desk and in which operation (what offline records are written and sent as). */
export interface DeskProfile {
  me: Pick<Me, 'username' | 'role' | 'permissions'>;
  operation: string;
}

/** One movement's desk list as kept on the device. */
export interface DeskCopy {
  movement: Pick<Movement, 'id' | 'departAt' | 'destinationId' | 'status' | 'seats'>;
  rows: CheckinRow[];
  savedAt: string;
}

/** Days ahead whose movements the device keeps (today and the next two). */
export const daysAhead = 2;

const deskSlot = (id: string) => `desk:${id}`;

/** The movements a desk may need offline: departing today to `daysAhead` days on, and the open one. */
export function movementsToKeep(
  list: readonly Movement[],
  open: string | null,
  now: Date,
): Movement[] {
  const today = now.toISOString().slice(0, 10);
  const last = new Date(now.getTime() + daysAhead * 86_400_000).toISOString().slice(0, 10);
  return list.filter((m) => {
    if (m.id === open) return true;
    const day = m.departAt.slice(0, 10);
    return m.status !== 'cancelled' && day >= today && day <= last;
  });
}

/** Saves the profile and the desk lists of the movements to keep; returns the ids kept. */
export async function keepDeskData(
  vault: Vault,
  me: Me,
  movements: readonly Movement[],
  open: string | null,
  now: Date = new Date(),
): Promise<string[]> {
  const own = await api<CheckinLog>(`/api/checkin/log?station=${encodeURIComponent(stationId())}`);
  await vault.put('profile', {
    me: { username: me.username, role: me.role, permissions: me.permissions },
    operation: own.operation,
  } satisfies DeskProfile);
  const kept: string[] = [];
  for (const m of movementsToKeep(movements, open, now)) {
    const rows = checkinRows(
      await api<unknown>(`/api/movements/${encodeURIComponent(m.id)}/checkin`),
    );
    const copy: DeskCopy = {
      movement: {
        id: m.id,
        departAt: m.departAt,
        destinationId: m.destinationId,
        status: m.status,
        seats: m.seats,
      },
      rows,
      savedAt: now.toISOString(),
    };
    await vault.put(deskSlot(m.id), copy);
    kept.push(m.id);
  }
  // Earlier copies stay until their movement is more than a day past, then leave the device.
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const before = (await vault.get<string[]>('desks')) ?? [];
  const still: string[] = [];
  for (const id of before.filter((id) => !kept.includes(id))) {
    const copy = await vault.get<DeskCopy>(deskSlot(id));
    if (copy && copy.movement.departAt.slice(0, 10) >= yesterday) still.push(id);
    else await vault.remove(deskSlot(id));
  }
  await vault.put('desks', [...kept, ...still].sort());
  return kept;
}

/** The profile kept on the device. */
export function readProfile(vault: Vault): Promise<DeskProfile | undefined> {
  return vault.get<DeskProfile>('profile');
}

/** The desk lists kept on the device. */
export async function readDesks(vault: Vault): Promise<DeskCopy[]> {
  const ids = (await vault.get<string[]>('desks')) ?? [];
  const copies = await Promise.all(ids.map((id) => vault.get<DeskCopy>(deskSlot(id))));
  return copies.filter((c): c is DeskCopy => c !== undefined);
}

/** What a sync did: the merge's answer and the conflicts now open. */
export interface SyncOutcome {
  merge: MergeResult;
  conflicts: CheckinConflict[];
}

/**
 * Sends the device's whole log through `POST /api/checkin/merge` (idempotent: records the
 * server holds are counted, never added twice) and lists the open conflicts. Null when the
 * device has no record yet.
 */
export async function syncLog(vault: Vault, now: Date = new Date()): Promise<SyncOutcome | null> {
  const log = await readLog(vault);
  const profile = await readProfile(vault);
  if (log.events.length === 0 || !profile) return null;
  const body = await logFile(profile.operation, stationId(), log.events, now);
  const merge = await api<MergeResult>('/api/checkin/merge', {
    method: 'POST',
    body: { log: body },
  });
  await markSent(vault, Math.max(...log.events.map((e) => e.seq)));
  const conflicts = await api<CheckinConflict[]>('/api/checkin/conflicts');
  await vault.put('lastSync', { at: now.toISOString(), merge, conflicts });
  return { merge, conflicts };
}

/** The number of records waiting to be sent. */
export async function pendingCount(vault: Vault): Promise<number> {
  return pending(await readLog(vault)).length;
}

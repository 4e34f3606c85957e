/**
 * The station's log on the device, as `corridor checkin export` writes one: records with
 * numbers 1, 2, 3, … and a `corridor-checkin-log` body whose SHA-256 is computed exactly as
 * `packages/commands/src/checkin/log.ts` does (core's canonical JSON lines), here with WebCrypto.
 */
import type { CheckinEvent, CheckinLog, CheckinStatus } from '@corridor/core';
import { canonicalEvent } from '../../../core/src/checkin-canonical.js';
import { sha256Hex } from './crypto.js';
import { stationId, takeSequence } from './station.js';
import type { Vault } from './vault.js';

/** The slot of the log in the vault. */
const logSlot = 'log';

/** What the device keeps of its log: the records and how far the server has them. */
export interface DeviceLog {
  events: CheckinEvent[];
  /** The highest number a merge accepted (records after it are pending). */
  sentThrough: number;
}

/** The checksum a log carries: SHA-256 of its records as canonical JSON lines. */
export function logChecksum(events: readonly CheckinEvent[]): Promise<string> {
  return sha256Hex(events.map((e) => canonicalEvent(e) + '\n').join(''));
}

/** A `corridor-checkin-log` body of this station's records, for `POST /api/checkin/merge`. */
export async function logFile(
  operation: string,
  station: string,
  events: CheckinEvent[],
  now: Date,
): Promise<CheckinLog> {
  return {
    format: 'corridor-checkin-log',
    version: 1,
    operation,
    station,
    exportedAt: now.toISOString(),
    sha256: await logChecksum(events),
    events,
  };
}

/** The device's log (empty at first). */
export async function readLog(vault: Vault): Promise<DeviceLog> {
  return (await vault.get<DeviceLog>(logSlot)) ?? { events: [], sentThrough: 0 };
}

/** Records not yet accepted by a merge. */
export function pending(log: DeviceLog): CheckinEvent[] {
  return log.events.filter((e) => e.seq > log.sentThrough);
}

const listeners = new Set<() => void>();

/** Calls `listener` after every change to the device's log; returns the unsubscribe. */
export function onLogChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// One change to the log at a time: two quick taps must not both read the old log.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(change: () => Promise<T>): Promise<T> {
  const next = queue.then(change, change);
  queue = next.catch(() => undefined);
  void next.then(() => listeners.forEach((l) => l())).catch(() => undefined);
  return next;
}

/** Appends a record of this station to the device's log and returns it. */
export function appendRecord(
  vault: Vault,
  input: { movementId: string; personId: string; status: CheckinStatus },
  by: { username: string; role: string },
  now: Date = new Date(),
): Promise<CheckinEvent> {
  return serial(async () => {
    const log = await readLog(vault);
    const event: CheckinEvent = {
      station: stationId(),
      seq: takeSequence(),
      movementId: input.movementId,
      personId: input.personId,
      status: input.status,
      at: now.toISOString(),
      actor: by.username,
      role: by.role,
      note: 'recorded offline on the device',
      supersedes: null,
    };
    await vault.put(logSlot, { ...log, events: [...log.events, event] });
    return event;
  });
}

/** Marks records up to `seq` as held by the server. */
export function markSent(vault: Vault, seq: number): Promise<void> {
  return serial(async () => {
    const log = await readLog(vault);
    await vault.put(logSlot, { ...log, sentThrough: Math.max(log.sentThrough, seq) });
  });
}

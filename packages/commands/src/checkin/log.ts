/** A station's log as a file: its checksum, how it is built and how it is checked before a merge. */
import { createHash } from 'node:crypto';
import { canonicalEvent, errors, type CheckinEvent, type CheckinLog } from '@corridor/core';

/** The checksum a log carries: SHA-256 of its events as canonical JSON lines. */
export function logChecksum(events: readonly CheckinEvent[]): string {
  const hash = createHash('sha256');
  for (const e of events) hash.update(canonicalEvent(e) + '\n');
  return hash.digest('hex');
}

/** A log file body from records. */
export function buildLog(
  operation: string,
  station: string | null,
  events: CheckinEvent[],
  now: Date,
): CheckinLog {
  return {
    format: 'corridor-checkin-log',
    version: 1,
    operation,
    station,
    exportedAt: now.toISOString(),
    sha256: logChecksum(events),
    events,
  };
}

/** A parsed log's records with times normalised, once it belongs here and its checksum holds. */
export function verifiedEvents(log: CheckinLog, operation: string): CheckinEvent[] {
  if (log.operation !== operation)
    throw errors.checkinLogInvalid(
      `it belongs to operation ${log.operation}, this database holds ${operation}`,
    );
  const events = log.events.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  if (logChecksum(events) !== log.sha256)
    throw errors.checkinLogInvalid('its checksum does not match its records (damaged or edited)');
  return events;
}

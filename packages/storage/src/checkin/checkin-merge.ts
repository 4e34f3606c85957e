/** Merges another station's log: every record kept, nothing overwritten, disagreements surfaced. */
import { createHash } from 'node:crypto';
import { CheckinLogSchema, errors, type CheckinEvent } from '@corridor/core';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import { canonicalEvent, insertEvents, readEvents } from './checkin-events.js';
import type { CheckinLog } from './checkin-store.js';

/** The checksum a log carries: SHA-256 of its events as canonical JSON lines. */
export function logChecksum(events: readonly CheckinEvent[]): string {
  const hash = createHash('sha256');
  for (const e of events) hash.update(canonicalEvent(e) + '\n');
  return hash.digest('hex');
}

/** Builds a log file body from records. */
export function buildLog(
  operation: string,
  station: string | null,
  events: CheckinEvent[],
): CheckinLog {
  return {
    format: 'corridor-checkin-log',
    version: 1,
    operation,
    station,
    exportedAt: new Date().toISOString(),
    sha256: logChecksum(events),
    events,
  };
}

/** Checks a log file and returns its records with times normalised. */
export function parseLog(value: unknown, operation: string): CheckinEvent[] {
  const parsed = CheckinLogSchema.safeParse(value);
  if (!parsed.success)
    throw errors.checkinLogInvalid(
      parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'file'} ${i.message}`)
        .join('; '),
    );
  const log = parsed.data;
  if (log.operation !== operation)
    throw errors.checkinLogInvalid(
      `it belongs to operation ${log.operation}, this database holds ${operation}`,
    );
  const events = log.events.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));
  if (logChecksum(events) !== log.sha256)
    throw errors.checkinLogInvalid('its checksum does not match its records (damaged or edited)');
  return events;
}

/**
 * Adds the records this database does not hold yet. A record already held must be identical:
 * a station's log is append-only, so a different record under the same station and sequence
 * means two devices used one station id, and the merge is refused whole.
 */
export async function mergeEvents(
  trx: Db,
  events: readonly CheckinEvent[],
  actor: Actor,
): Promise<{ added: CheckinEvent[]; alreadyHad: number }> {
  const stations = [...new Set(events.map((e) => e.station))];
  const held = new Map<string, CheckinEvent>();
  for (const s of stations)
    for (const e of await readEvents(trx, { station: s })) held.set(`${e.station}#${e.seq}`, e);
  const added: CheckinEvent[] = [];
  const clashes: string[] = [];
  let alreadyHad = 0;
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.station}#${e.seq}`;
    const mine = held.get(key);
    if (mine) {
      if (canonicalEvent(mine) === canonicalEvent(e)) alreadyHad++;
      else clashes.push(`${e.station} #${e.seq}`);
    } else if (!seen.has(key)) added.push(e);
    seen.add(key);
  }
  if (clashes.length > 0)
    throw errors.checkinLogInvalid(
      `records ${clashes.slice(0, 5).join(', ')}${clashes.length > 5 ? ', …' : ''} differ from the ones held under the same station and number; each station id must belong to one device`,
    );
  const movements = new Set(
    (await trx.selectFrom('movements').select(['id']).execute()).map((m) => m.id),
  );
  const personIds = [...new Set(added.map((e) => e.personId))];
  const persons = new Set<string>();
  for (let i = 0; i < personIds.length; i += 5000)
    for (const p of await trx
      .selectFrom('persons')
      .select(['id'])
      .where('id', 'in', personIds.slice(i, i + 5000))
      .execute())
      persons.add(p.id);
  const unknown = added.filter((e) => !movements.has(e.movementId) || !persons.has(e.personId));
  if (unknown.length > 0)
    throw errors.checkinLogInvalid(
      `records ${unknown
        .slice(0, 5)
        .map((e) => `${e.station} #${e.seq}`)
        .join(', ')} name movements or persons this database does not hold`,
    );
  await insertEvents(trx, added, 'merged');
  for (const e of added)
    await appendAudit(trx, actor, {
      action: 'checkin.merge',
      entity: 'person',
      entityId: e.personId,
      detail: { movement: e.movementId, status: e.status, station: e.station, seq: e.seq },
    });
  return { added, alreadyHad };
}

/**
 * This browser's station id (`tablet-xxxxxx`), made once and kept on the device, and its record
 * counter. Neither says anything about a person, so they sit in localStorage in clear and
 * survive a logout: a number is never given twice under the same station id.
 */
import { isStationId } from '../../../core/src/checkin-status.js';
import { randomBytes } from './crypto.js';

const stationKey = 'corridor.station';
const nextKey = 'corridor.station.next';

/** The station id of this device, made on first use. */
export function stationId(): string {
  const held = localStorage.getItem(stationKey);
  if (held && isStationId(held)) return held;
  const made = `tablet-${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  localStorage.setItem(stationKey, made);
  localStorage.setItem(nextKey, '1');
  return made;
}

/** Takes the station's next record number (1, 2, 3, …), counted before the record is written. */
export function takeSequence(): number {
  stationId();
  const next = Math.max(1, Number(localStorage.getItem(nextKey) ?? '1') || 1);
  localStorage.setItem(nextKey, String(next + 1));
  return next;
}

/**
 * A check-in record as one comparable string: what a station log's checksum is computed over
 * (the CLI with node:crypto, the web's offline desk with WebCrypto) and how a merge tells two
 * copies of a record apart. Pure and zod-free, so the web bundles it.
 */
import type { CheckinEvent } from './checkin.js';

/** The record as canonical JSON (two copies of a record give the same string). */
export function canonicalEvent(e: CheckinEvent): string {
  const supersedes = e.supersedes
    ? Object.fromEntries(Object.entries(e.supersedes).sort(([a], [b]) => (a < b ? -1 : 1)))
    : null;
  return JSON.stringify([
    e.station,
    e.seq,
    e.movementId,
    e.personId,
    e.status,
    new Date(e.at).toISOString(),
    e.actor,
    e.role,
    e.note,
    supersedes,
  ]);
}

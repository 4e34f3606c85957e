/**
 * Check-in statuses and station ids (M6), without zod: the web bundles this module by path
 * (its Content-Security-Policy refuses zod's compiled validators), the schemas in `checkin.ts`
 * use the same rules.
 */

/** What a station records about a person on a movement. */
export const checkinStatuses = ['checked-in', 'boarded', 'no-show', 'arrived'] as const;
/** One check-in status. */
export type CheckinStatus = (typeof checkinStatuses)[number];

/** Narrows a string to a check-in status. */
export function isCheckinStatus(value: string): value is CheckinStatus {
  return (checkinStatuses as readonly string[]).includes(value);
}

/** The one rule for a station id: a letter or digit, then letters, digits, `.`, `_`, `-` (≤ 64). */
export const stationIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A station id: letters, digits, `.`, `_`, `-`. */
export function isStationId(value: string): boolean {
  return stationIdPattern.test(value);
}

/** Present statuses claim the person is there; a no-show claims they are not. */
export function isPresentStatus(status: CheckinStatus): boolean {
  return status !== 'no-show';
}

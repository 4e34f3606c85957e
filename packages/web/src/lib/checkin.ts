/** The check-in list of a movement, whichever envelope the server answers in, and its counts. */
import type { CheckinDeskPerson } from '@corridor/core';
import { checkinStatuses } from '../../../core/src/checkin-status.js';

export { checkinStatuses };
export type { CheckinStatus } from '@corridor/core';

/**
 * One person booked on a movement, as `GET /api/movements/:id/checkin` answers (the check-in
 * command's output type, imported from core, never copied).
 */
export type CheckinRow = CheckinDeskPerson;

/** The rows of a check-in answer: a list, or an object holding one. */
export function checkinRows(data: unknown): CheckinRow[] {
  if (Array.isArray(data)) return data as CheckinRow[];
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    const list = [o.persons, o.entries, o.list, o.rows].find(Array.isArray);
    return (list ?? []) as CheckinRow[];
  }
  return [];
}

/** Counts per status, from the rows themselves (so they follow every change at once). */
export function checkinCounts(rows: readonly Pick<CheckinRow, 'status'>[]): Record<string, number> {
  const counts: Record<string, number> = { booked: rows.length, pending: 0, conflict: 0 };
  for (const s of checkinStatuses) counts[s] = 0;
  for (const r of rows) {
    if (r.status in counts && r.status !== 'booked') counts[r.status]! += 1;
    else counts.pending! += 1;
  }
  return counts;
}

/** A person's name when the role may see it (the server sends null otherwise). */
export function nameOf(r: Pick<CheckinRow, 'name'>): string | null {
  return r.name || null;
}

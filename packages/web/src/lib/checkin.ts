/** The check-in list of a movement, whichever envelope the server answers in, and its counts. */

/** Statuses a check-in desk records. */
export const checkinStatuses = ['checked-in', 'boarded', 'no-show', 'arrived'] as const;
/** One of them. */
export type CheckinStatus = (typeof checkinStatuses)[number];

/** One person booked on a movement. */
export interface CheckinRow {
  personId: string;
  householdId: string;
  isHead?: boolean;
  status: string;
  station?: string | null;
  at?: string | null;
  name?: string | null;
  givenName?: string;
  familyName?: string;
}

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
export function checkinCounts(rows: readonly CheckinRow[]): Record<string, number> {
  const counts: Record<string, number> = { booked: rows.length, pending: 0, conflict: 0 };
  for (const s of checkinStatuses) counts[s] = 0;
  for (const r of rows) {
    if (r.status in counts && r.status !== 'booked') counts[r.status]! += 1;
    else counts.pending! += 1;
  }
  return counts;
}

/** A person's name when the role may see it. */
export function nameOf(r: CheckinRow): string | null {
  if (r.name) return r.name;
  const n = `${r.givenName ?? ''} ${r.familyName ?? ''}`.trim();
  return n || null;
}

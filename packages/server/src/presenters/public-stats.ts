/** Counts for the public: small counts are suppressed so that no person can be singled out. */
import type { OperationStatus } from '@corridor/storage';

/** Counts below this are never published. */
export const minPublishedCount = 5;

/** A published count: the number, or null when it was suppressed. */
export type PublishedCount = number | null;

/**
 * Suppresses the cells of one table that are below the threshold (zero stays: it names nobody).
 * When a single cell is suppressed, the next smallest is too, so that it cannot be recovered by
 * subtraction from the total.
 */
export function suppressTable(cells: Record<string, number>): Record<string, PublishedCount> {
  const out: Record<string, PublishedCount> = { ...cells };
  const small = Object.keys(cells).filter(
    (k) => (cells[k] ?? 0) > 0 && (cells[k] ?? 0) < minPublishedCount,
  );
  for (const k of small) out[k] = null;
  if (small.length === 1) {
    const next = Object.keys(cells)
      .filter((k) => out[k] !== null && (cells[k] ?? 0) > 0)
      .sort((a, b) => (cells[a] ?? 0) - (cells[b] ?? 0))[0];
    if (next !== undefined) out[next] = null;
  }
  return out;
}

/** One count, suppressed when small. */
export function suppress(count: number): PublishedCount {
  return count > 0 && count < minPublishedCount ? null : count;
}

/** The public statistics: totals and persons by case status, with no names, dates or places. */
export function presentPublicStats(s: OperationStatus) {
  return {
    minPublishedCount,
    persons: suppress(s.persons),
    households: suppress(s.households),
    destinations: s.destinations,
    pledgedPersons: suppress(s.pledgedPersons),
    personsByStatus: suppressTable(
      Object.fromEntries(Object.entries(s.personsByStatus).map(([k, v]) => [k, v ?? 0])),
    ),
  };
}

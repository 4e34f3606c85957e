/** Pledged places summed per destination: one rule for the destination list, the API and the report. */

/** What a destination was pledged over all periods. */
export interface PledgedTotals {
  persons: number;
  cases: number;
  medicalPlaces: number;
}

/** The part of a pledge the totals add up. */
export interface PledgeCounts extends PledgedTotals {
  destinationId: string;
}

/** The totals of `pledges` for each of `destinationIds` (zero for a destination without pledges). */
export function pledgedTotals(
  destinationIds: readonly string[],
  pledges: readonly PledgeCounts[],
): Map<string, PledgedTotals> {
  const totals = new Map<string, PledgedTotals>(
    destinationIds.map((id) => [id, { persons: 0, cases: 0, medicalPlaces: 0 }]),
  );
  for (const p of pledges) {
    const t = totals.get(p.destinationId);
    if (!t) continue;
    t.persons += p.persons;
    t.cases += p.cases;
    t.medicalPlaces += p.medicalPlaces;
  }
  return totals;
}

/** Planning inputs made straight from generated data, without a database (for benchmarks). */
import type { OperationData } from '@corridor/core';
import { allocationInputFrom, type AllocationInput } from '@corridor/optimizer';

/** The allocation input of a generated operation: every household, the pledges as capacities. */
export function allocationInputOf(data: OperationData): AllocationInput {
  const persons = new Map<string, { n: number; medical: number; disability: number }>();
  for (const p of data.persons) {
    const s = persons.get(p.householdId) ?? { n: 0, medical: 0, disability: 0 };
    s.n++;
    if (data.needs.some((x) => x.personId === p.id && x.code === 'SM')) s.medical++;
    if (data.needs.some((x) => x.personId === p.id && x.code === 'DS')) s.disability++;
    persons.set(p.householdId, s);
  }
  return allocationInputFrom({
    cases: data.households.map((h) => ({
      id: h.id,
      persons: persons.get(h.id)?.n ?? 1,
      medicalPersons: persons.get(h.id)?.medical ?? 0,
      disabilityPersons: persons.get(h.id)?.disability ?? 0,
      languages: h.languages,
      preferences: data.preferences
        .filter((p) => p.householdId === h.id)
        .sort((a, b) => a.rank - b.rank)
        .map((p) => p.destinationId),
      tieCountries: data.ties.filter((t) => t.householdId === h.id).map((t) => t.country),
      originCountry: h.originCountry,
    })),
    links: data.links,
    destinations: data.destinations,
    pledges: data.pledges,
    locks: [],
    previous: {},
    asOf: data.operation.windowStart,
    windowEnd: data.operation.windowEnd,
  });
}

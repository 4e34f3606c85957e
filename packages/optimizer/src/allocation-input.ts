/** Assembles the allocation problem from registry records (plain data, no storage access). */
import type { AllocationCase, AllocationDestination, AllocationInput } from './allocate.js';

/** A case as the registry's planning view gives it. */
export interface RegistryCase {
  id: string;
  persons: number;
  medicalPersons: number;
  disabilityPersons: number;
  languages: string[];
  preferences: string[];
  tieCountries: string[];
  originCountry: string;
}

/** A destination as the registry gives it. */
export interface RegistryDestination {
  id: string;
  country: string;
  maxHouseholdSize: number;
  medicalPlaces: number;
  disabilityPlaces: number;
  languages: string[];
  requiresTies: boolean;
  pauses: { from: string; to: string }[];
}

/** Everything allocation reads from the registry and the plans. */
export interface AllocationSources {
  cases: RegistryCase[];
  links: { a: string; b: string; kind: 'travel-together' | 'settle-together' }[];
  destinations: RegistryDestination[];
  pledges: { destinationId: string; persons: number; cases: number }[];
  locks: { householdId: string; destinationId: string | null }[];
  /** Destination of each case in the current allocation plan, if any. */
  previous: Record<string, string | null>;
  /** Planning date and the end of the operation's window (YYYY-MM-DD): a pause covering both excludes a destination. */
  asOf: string;
  windowEnd: string;
  /** Per case, the destinations whose host state refused it (host-state procedures). */
  refusedBy?: ReadonlyMap<string, string[]>;
}

/** Builds the allocation input: capacities from pledges, ties by country, locks and the previous plan. */
export function allocationInputFrom(s: AllocationSources): AllocationInput {
  const byCountry = new Map(s.destinations.map((d) => [d.country, d.id]));
  const locks = new Map(
    s.locks.filter((l) => l.destinationId).map((l) => [l.householdId, l.destinationId!]),
  );
  const cases: AllocationCase[] = s.cases.map((c) => {
    const locked = locks.get(c.id);
    const previous = s.previous[c.id];
    return {
      id: c.id,
      persons: c.persons,
      medicalPersons: c.medicalPersons,
      disabilityPersons: c.disabilityPersons,
      languages: c.languages,
      preferences: c.preferences,
      ties: c.tieCountries
        .map((country) => byCountry.get(country))
        .filter((id): id is string => id !== undefined),
      group: { origin: c.originCountry },
      ...(s.refusedBy?.get(c.id)?.length ? { refusedBy: s.refusedBy.get(c.id)! } : {}),
      ...(locked ? { locked } : {}),
      ...(previous ? { previous } : {}),
    };
  });
  const destinations: AllocationDestination[] = s.destinations.map((d) => {
    const own = s.pledges.filter((p) => p.destinationId === d.id);
    return {
      id: d.id,
      persons: own.reduce((n, p) => n + p.persons, 0),
      cases: own.reduce((n, p) => n + p.cases, 0),
      medicalPlaces: d.medicalPlaces,
      disabilityPlaces: d.disabilityPlaces,
      maxHouseholdSize: d.maxHouseholdSize,
      languages: d.languages,
      requiresTies: d.requiresTies,
      paused: d.pauses.some((p) => p.from <= s.asOf && p.to >= s.windowEnd),
    };
  });
  return {
    cases,
    links: s.links.map((l) => ({ caseIds: [l.a, l.b], kind: l.kind })),
    destinations,
  };
}

/** The allocation model (M4): which host country each case goes to. */
import type { Instance, Pair } from './instance.js';

/** A case as allocation sees it (no personal data). */
export interface AllocationCase {
  id: string;
  persons: number;
  /** Persons with a serious medical condition: each needs a medical place. */
  medicalPersons: number;
  /** Persons with a disability: each needs a disability place. */
  disabilityPersons: number;
  /** ISO 639 codes spoken in the household. */
  languages: string[];
  /** Destination ids in the household's order of preference. */
  preferences: string[];
  /** Destination ids the household has ties to (family, previous residence, …). */
  ties: string[];
  /** Optional integration scores in [0, 1] per destination id. */
  integrationScores?: Record<string, number>;
  /** A planner's lock to one destination. */
  locked?: string;
  /** The destination of the previous plan, kept unless moving gains more than the change penalty. */
  previous?: string;
  /** Group keys for the fairness audit, e.g. { origin: 'SYR' }. */
  group?: Record<string, string>;
  /** Destination ids whose host state refused the case (a negative procedure step). */
  refusedBy?: string[];
}

/** A host country's places and rules for this allocation. */
export interface AllocationDestination {
  id: string;
  persons: number;
  cases: number;
  medicalPlaces: number;
  disabilityPlaces: number;
  maxHouseholdSize: number;
  languages: string[];
  requiresTies: boolean;
  /** Intake paused for the whole remaining window. */
  paused: boolean;
}

/** The whole allocation problem. */
export interface AllocationInput {
  cases: AllocationCase[];
  links: { caseIds: string[]; kind: 'travel-together' | 'settle-together' }[];
  destinations: AllocationDestination[];
}

/** Points per person for each part of the fit between a case and a destination. */
export interface AllocationWeights {
  /** Points for the 1st, 2nd, 3rd, … ranked wish. */
  rank: number[];
  /** Points for a ranked wish beyond the list above. */
  laterRank: number;
  /** Points for a destination the household did not rank. */
  unranked: number;
  /** Points when the household has ties to the destination. */
  tie: number;
  /** Points when someone in the household speaks one of the destination's languages. */
  language: number;
  /** Points, scaled by the destination's medical places per pledged person relative to the best, for households with medical needs. */
  medicalFit: number;
  /** Points for an integration score of 1 (scaled linearly). */
  integration: number;
  /** Points lost per person left without a destination (above any fit, so everyone who fits is placed). */
  unplaced: number;
}

/** Default weights (documented in packages/optimizer/README.md). */
export const defaultAllocationWeights: AllocationWeights = {
  rank: [100, 70, 50],
  laterRank: 35,
  unranked: 10,
  tie: 40,
  language: 20,
  medicalFit: 15,
  integration: 30,
  unplaced: 1000,
};

/** A rule that makes a destination ineligible for a case. */
export type EligibilityRule =
  | 'household-too-large'
  | 'paused'
  | 'requires-ties'
  | 'no-medical-places'
  | 'no-disability-places'
  | 'refused-by-state';

/** The rules that exclude destination d for case c (empty: eligible). */
export function ineligibility(c: AllocationCase, d: AllocationDestination): EligibilityRule[] {
  const rules: EligibilityRule[] = [];
  if (c.persons > d.maxHouseholdSize) rules.push('household-too-large');
  if (d.paused) rules.push('paused');
  if (d.requiresTies && !c.ties.includes(d.id)) rules.push('requires-ties');
  if (c.medicalPersons > 0 && d.medicalPlaces === 0) rules.push('no-medical-places');
  if (c.disabilityPersons > 0 && d.disabilityPlaces === 0) rules.push('no-disability-places');
  if (c.refusedBy?.includes(d.id)) rules.push('refused-by-state');
  return rules;
}

/** The parts of a case's points at a destination, per person. */
export interface FitBreakdown {
  rank: number;
  tie: number;
  language: number;
  medicalFit: number;
  integration: number;
  total: number;
}

/** Points per person of case c at destination d, part by part. */
export function fit(
  c: AllocationCase,
  d: AllocationDestination,
  w: AllocationWeights,
  medicalRatio: (d: AllocationDestination) => number,
): FitBreakdown {
  const k = c.preferences.indexOf(d.id);
  const rank = k < 0 ? w.unranked : (w.rank[k] ?? w.laterRank);
  const tie = c.ties.includes(d.id) ? w.tie : 0;
  const language = c.languages.some((l) => d.languages.includes(l)) ? w.language : 0;
  const medicalFit = c.medicalPersons > 0 ? w.medicalFit * medicalRatio(d) : 0;
  const integration = w.integration * Math.min(1, Math.max(0, c.integrationScores?.[d.id] ?? 0));
  return {
    rank,
    tie,
    language,
    medicalFit,
    integration,
    total: rank + tie + language + medicalFit + integration,
  };
}

/** Medical places per pledged person of each destination, relative to the best one (0..1). */
export function medicalRatios(
  destinations: AllocationDestination[],
): (d: AllocationDestination) => number {
  const ratio = (d: AllocationDestination) => (d.persons > 0 ? d.medicalPlaces / d.persons : 0);
  const best = Math.max(1e-9, ...destinations.map(ratio));
  return (d) => ratio(d) / best;
}

/** Resource indices of destination k: persons, cases, medical places, disability places. */
export function destinationResources(k: number): {
  persons: number;
  cases: number;
  medical: number;
  disability: number;
} {
  return { persons: 4 * k, cases: 4 * k + 1, medical: 4 * k + 2, disability: 4 * k + 3 };
}

/** Builds the engine instance: items are cases, bins destinations, four resources per destination. */
export function buildAllocationInstance(
  input: AllocationInput,
  weights: AllocationWeights = defaultAllocationWeights,
): Instance {
  const ratio = medicalRatios(input.destinations);
  const index = new Map(input.cases.map((c, i) => [c.id, i]));
  return {
    resources: input.destinations.flatMap((d) => [
      { name: `${d.id}/persons`, capacity: d.persons },
      { name: `${d.id}/cases`, capacity: d.cases },
      { name: `${d.id}/medical`, capacity: d.medicalPlaces },
      { name: `${d.id}/disability`, capacity: d.disabilityPlaces },
    ]),
    bins: input.destinations.map((d) => ({ name: d.id })),
    items: input.cases.map((c) => ({
      name: c.id,
      penalty: weights.unplaced * c.persons,
      pairs: input.destinations.flatMap((d, k): Pair[] => {
        // A planner's lock overrides the eligibility rules; anything else must pass them.
        if (c.locked !== d.id && ineligibility(c, d).length > 0) return [];
        const r = destinationResources(k);
        const use: [number, number][] = [
          [r.persons, c.persons],
          [r.cases, 1],
        ];
        if (c.medicalPersons > 0) use.push([r.medical, c.medicalPersons]);
        if (c.disabilityPersons > 0) use.push([r.disability, c.disabilityPersons]);
        return [{ bin: k, weight: c.persons * fit(c, d, weights, ratio).total, use }];
      }),
    })),
    links: input.links
      .map((l) => l.caseIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined))
      .filter((g) => g.length > 1),
  };
}

/** Locks and previous destinations as engine options (item index → bin index). */
export function allocationStart(input: AllocationInput): {
  locks: Map<number, number>;
  warmStart: Int32Array;
} {
  const bin = new Map(input.destinations.map((d, k) => [d.id, k]));
  const locks = new Map<number, number>();
  const warmStart = new Int32Array(input.cases.length).fill(-1);
  input.cases.forEach((c, i) => {
    if (c.locked !== undefined && bin.has(c.locked)) locks.set(i, bin.get(c.locked)!);
    if (c.previous !== undefined && bin.has(c.previous)) warmStart[i] = bin.get(c.previous)!;
  });
  return { locks, warmStart };
}

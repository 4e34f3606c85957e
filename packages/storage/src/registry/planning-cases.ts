/** The registry as the planners need it: one row per active case, no personal data. */
import {
  addSeatNeeds,
  seatNeedsOf,
  type CaseLink,
  type CaseStatus,
  type NeedCode,
  type SpecialSeats,
} from '@corridor/core';
import { sql } from 'kysely';
import type { Db } from '../db/batch.js';

/** What planning knows of a case: sizes, needs, languages, wishes and ties; never names. */
export interface PlanningCase {
  id: string;
  status: CaseStatus;
  originCountry: string;
  persons: number;
  /** Persons with a serious medical condition (UNHCR SM). */
  medicalPersons: number;
  /** Persons with a disability (UNHCR DS). */
  disabilityPersons: number;
  /** Every specific-needs code present in the household. */
  needs: NeedCode[];
  languages: string[];
  /** Destination ids in the household's order of preference. */
  preferences: string[];
  /** Countries the household has ties to. */
  tieCountries: string[];
  readyDate: string | null;
  priority: number;
  /** Passengers needing a special place on board (stretcher, wheelchair, infant, escort). */
  specialSeats: SpecialSeats;
}

/** How planning cases are read. */
export interface PlanningCaseOptions {
  /** The year the cases travel in, for infant places (default: this year). */
  travelYear?: number;
}

/** The active (not merged) cases with the given statuses, and the links among them. */
export async function readPlanningCases(
  db: Db,
  statuses: readonly CaseStatus[],
  options: PlanningCaseOptions = {},
): Promise<{ cases: PlanningCase[]; links: CaseLink[] }> {
  if (statuses.length === 0) return { cases: [], links: [] };
  const households = await db
    .selectFrom('households')
    .select(['id', 'status', 'origin_country', 'languages', 'ready_date', 'priority'])
    .where('merged_into', 'is', null)
    .where('status', 'in', [...statuses])
    .orderBy('id')
    .execute();
  const ids = new Set(households.map((h) => h.id));
  const sizes = await db
    .selectFrom('persons as p')
    .leftJoin('needs as n', 'n.person_id', 'p.id')
    .select([
      'p.household_id',
      sql<number>`count(distinct p.id)::int`.as('persons'),
      sql<number>`count(distinct case when n.code = 'SM' then p.id end)::int`.as('medical'),
      sql<number>`count(distinct case when n.code = 'DS' then p.id end)::int`.as('disability'),
      sql<
        string[]
      >`coalesce(array_agg(distinct n.code) filter (where n.code is not null), '{}')`.as('codes'),
    ])
    .where('p.merged_into', 'is', null)
    .groupBy('p.household_id')
    .execute();
  const prefs = await db
    .selectFrom('preferences')
    .select(['household_id', 'rank', 'destination_id'])
    .orderBy('household_id')
    .orderBy('rank')
    .execute();
  const special = await specialSeatsOf(db, options.travelYear ?? new Date().getUTCFullYear());
  const ties = await db.selectFrom('ties').select(['household_id', 'country']).execute();
  const links = await db.selectFrom('case_links').select(['a', 'b', 'kind']).execute();
  const bySize = new Map(sizes.map((s) => [s.household_id, s]));
  const prefsOf = group(
    prefs,
    (p) => p.household_id,
    (p) => p.destination_id,
  );
  const tiesOf = group(
    ties,
    (t) => t.household_id,
    (t) => t.country,
  );
  return {
    cases: households.map((h) => {
      const s = bySize.get(h.id);
      return {
        id: h.id,
        status: h.status as CaseStatus,
        originCountry: h.origin_country,
        persons: s?.persons ?? 0,
        medicalPersons: s?.medical ?? 0,
        disabilityPersons: s?.disability ?? 0,
        needs: (s?.codes ?? []) as NeedCode[],
        languages: h.languages,
        preferences: prefsOf.get(h.id) ?? [],
        tieCountries: [...new Set(tiesOf.get(h.id) ?? [])],
        readyDate: h.ready_date,
        priority: h.priority,
        specialSeats: special.get(h.id) ?? {},
      };
    }),
    links: links
      .filter((l) => ids.has(l.a) && ids.has(l.b))
      .map((l) => ({ a: l.a, b: l.b, kind: l.kind as CaseLink['kind'] })),
  };
}

/** Each household's passengers needing a special place, by the one rule of `seatNeedsOf`. */
async function specialSeatsOf(db: Db, travelYear: number): Promise<Map<string, SpecialSeats>> {
  const needs = await db
    .selectFrom('needs as n')
    .innerJoin('persons as p', 'p.id', 'n.person_id')
    .select(['p.id', 'p.household_id', 'n.code', 'n.severity'])
    .where('p.merged_into', 'is', null)
    .where('n.code', 'in', ['SM', 'DS', 'SC'])
    .execute();
  const infants = await db
    .selectFrom('persons')
    .select(['household_id', sql<number>`count(*)::int`.as('n')])
    .where('merged_into', 'is', null)
    .where('birth_year', '>=', travelYear - 1)
    .groupBy('household_id')
    .execute();
  const byPerson = new Map<
    string,
    { household: string; needs: { code: string; severity: number }[] }
  >();
  for (const n of needs) {
    const one = byPerson.get(n.id) ?? { household: n.household_id, needs: [] };
    one.needs.push({ code: n.code, severity: n.severity });
    byPerson.set(n.id, one);
  }
  const perHousehold = new Map<string, SpecialSeats[]>();
  const add = (household: string, seats: SpecialSeats) =>
    perHousehold.set(household, [...(perHousehold.get(household) ?? []), seats]);
  for (const p of byPerson.values())
    add(p.household, seatNeedsOf({ needs: p.needs, birthYear: null }, travelYear));
  for (const i of infants) add(i.household_id, { infant: i.n });
  return new Map([...perHousehold].map(([h, all]) => [h, addSeatNeeds(all)]));
}

function group<T>(
  rows: T[],
  key: (r: T) => string,
  value: (r: T) => string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(key(r)) ?? [];
    list.push(value(r));
    out.set(key(r), list);
  }
  return out;
}

/** Counts of the stored operation for `corridor status` and `GET /api/status`. */
import { errors, type CaseStatus } from '@corridor/core';
import { sql } from 'kysely';
import type { Db } from '../db/batch.js';
import type { OperationStatus } from './registry-store.js';

/** Reads the counts; fails with `no-operation` on an empty database. */
export async function readStatus(db: Db): Promise<OperationStatus> {
  const op = await db.selectFrom('operations').selectAll().executeTakeFirst();
  if (!op) throw errors.noOperation();
  const byStatus = await db
    .selectFrom('households as h')
    .leftJoin('persons as p', (j) =>
      j.onRef('p.household_id', '=', 'h.id').on('p.merged_into', 'is', null),
    )
    .select([
      'h.status',
      sql<number>`count(distinct h.id)::int`.as('cases'),
      sql<number>`count(p.id)::int`.as('persons'),
    ])
    .where('h.merged_into', 'is', null)
    .groupBy('h.status')
    .execute();
  const pledged = await db
    .selectFrom('pledges')
    .select([
      sql<number>`coalesce(sum(persons), 0)::int`.as('persons'),
      sql<number>`coalesce(sum(cases), 0)::int`.as('cases'),
    ])
    .executeTakeFirstOrThrow();
  const destinations = await db
    .selectFrom('destinations')
    .select([
      sql<number>`count(*)::int`.as('n'),
      sql<number>`coalesce(sum(medical_places), 0)::int`.as('medical'),
    ])
    .executeTakeFirstOrThrow();
  const medical = await db
    .selectFrom('needs')
    .innerJoin('persons', 'persons.id', 'needs.person_id')
    .select(sql<number>`count(distinct needs.person_id)::int`.as('n'))
    .where('needs.code', '=', 'SM')
    .where('persons.merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom('case_links')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const open = await db
    .selectFrom('dedup_pairs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  const cases: Partial<Record<CaseStatus, number>> = {};
  const persons: Partial<Record<CaseStatus, number>> = {};
  for (const row of byStatus) {
    cases[row.status as CaseStatus] = row.cases;
    persons[row.status as CaseStatus] = row.persons;
  }
  return {
    operation: {
      id: op.id,
      name: op.name,
      isDemo: op.is_demo,
      windowStart: String(op.window_start),
      windowEnd: String(op.window_end),
    },
    persons: byStatus.reduce((s, r) => s + r.persons, 0),
    households: byStatus.reduce((s, r) => s + r.cases, 0),
    destinations: destinations.n,
    byStatus: cases,
    personsByStatus: persons,
    pledgedPersons: pledged.persons,
    pledgedCases: pledged.cases,
    medicalPlaces: destinations.medical,
    personsWithMedicalNeeds: medical.n,
    linkedCases: links.n,
    openDuplicates: open.n,
  };
}

/** Counts of the stored operation for `corridor status` and `GET /api/status`. */
import { errors, type CaseStatus } from '@corridor/core';
import { sql } from 'kysely';
import type { Db } from '../db/batch.js';
import type { OperationStatus } from './registry-store.js';

/** Reads the counts; fails with `no-operation` on an empty database. */
export async function readStatus(db: Db): Promise<OperationStatus> {
  const op = await db.selectFrom('operations').selectAll().executeTakeFirst();
  if (!op) throw errors.noOperation();
  const byStatus = (
    await sql<{ status: string; cases: number; persons: number }>`select h.status,
        count(*)::int as cases, coalesce(sum(m.n), 0)::int as persons
      from households h
      left join (select household_id, count(*) as n from persons
                  where merged_into is null group by household_id) m on m.household_id = h.id
     where h.merged_into is null
     group by h.status`.execute(db)
  ).rows;
  // The other counts in one round trip (each query costs a turn of PGlite's single thread).
  const counts = await sql<{
    pledged_persons: number;
    pledged_cases: number;
    destinations: number;
    medical_places: number;
    medical_persons: number;
    links: number;
    open_duplicates: number;
  }>`select
      (select coalesce(sum(persons), 0)::int from pledges) as pledged_persons,
      (select coalesce(sum(cases), 0)::int from pledges) as pledged_cases,
      (select count(*)::int from destinations) as destinations,
      (select coalesce(sum(medical_places), 0)::int from destinations) as medical_places,
      (select count(distinct n.person_id)::int from needs n
         join persons p on p.id = n.person_id
        where n.code = 'SM' and p.merged_into is null) as medical_persons,
      (select count(*)::int from case_links) as links,
      (select count(*)::int from dedup_pairs where status = 'open') as open_duplicates`.execute(db);
  const c = counts.rows[0]!;
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
    destinations: c.destinations,
    byStatus: cases,
    personsByStatus: persons,
    pledgedPersons: c.pledged_persons,
    pledgedCases: c.pledged_cases,
    medicalPlaces: c.medical_places,
    personsWithMedicalNeeds: c.medical_persons,
    linkedCases: c.links,
    openDuplicates: c.open_duplicates,
  };
}

/** Finds cases for the registry page: filters, exact name or document search by blind index, paging. */
import type { CaseStatus } from '@corridor/core';
import { sql } from 'kysely';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';

/** What to look for; every field narrows the result. */
export interface CaseFilter {
  status?: CaseStatus;
  /** Destination of the case in the current allocation plan. */
  destination?: string;
  /** Country of origin (ISO 3166 alpha-3). */
  origin?: string;
  /** A member's full name ("given family"), matched exactly through the blind index. */
  name?: string;
  /** A member's document number, matched exactly through the blind index. */
  document?: string;
  limit: number;
  offset: number;
}

/** One case in a list: no personal data. */
export interface CaseSummary {
  id: string;
  status: CaseStatus;
  originCountry: string;
  persons: number;
  priority: number;
  readyDate: string | null;
  /** Destination in the current allocation plan, if any. */
  destinationId: string | null;
  version: number;
}

/** A page of cases and how many match in all. */
export interface CaseList {
  total: number;
  cases: CaseSummary[];
}

/** The matching active cases, ordered by id. */
export async function findCases(db: Db, vault: Vault, f: CaseFilter): Promise<CaseList> {
  let q = db
    .selectFrom('households as h')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('plan_assignments as a')
          .innerJoin('plans as p', 'p.id', 'a.plan_id')
          .select(['a.household_id', 'a.destination_id'])
          .where('p.kind', '=', 'allocation')
          .where('p.status', '=', 'current')
          .as('cur'),
      (j) => j.onRef('cur.household_id', '=', 'h.id'),
    )
    .where('h.merged_into', 'is', null);
  if (f.status) q = q.where('h.status', '=', f.status);
  if (f.origin) q = q.where('h.origin_country', '=', f.origin);
  if (f.destination) q = q.where('cur.destination_id', '=', f.destination);
  if (f.name) {
    const bidx = vault.blindIndex('name', f.name);
    q = q.where('h.id', 'in', (eb) =>
      eb.selectFrom('persons').select('household_id').where('name_bidx', '=', bidx),
    );
  }
  if (f.document) {
    const bidx = vault.blindIndex('document', f.document);
    q = q.where('h.id', 'in', (eb) =>
      eb
        .selectFrom('documents as d')
        .innerJoin('persons as p', 'p.id', 'd.person_id')
        .select('p.household_id')
        .where('d.number_bidx', '=', bidx),
    );
  }
  const total = await q
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
  const rows = await q
    .select([
      'h.id',
      'h.status',
      'h.origin_country',
      'h.priority',
      'h.ready_date',
      'h.version',
      'cur.destination_id',
      (eb) =>
        eb
          .selectFrom('persons as p')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('p.household_id', '=', 'h.id')
          .where('p.merged_into', 'is', null)
          .as('persons'),
    ])
    .orderBy('h.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total,
    cases: rows.map((r) => ({
      id: r.id,
      status: r.status as CaseStatus,
      originCountry: r.origin_country,
      persons: Number(r.persons ?? 0),
      priority: r.priority,
      readyDate: r.ready_date,
      destinationId: r.destination_id ?? null,
      version: r.version,
    })),
  };
}

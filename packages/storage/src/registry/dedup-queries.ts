/**
 * The duplicate rules' queries, written once for the scan (`duplicates.ts`) and for imports
 * (`import-duplicates.ts`): same document numbers, active household sizes, and queueing new pairs.
 */
import { orderPair } from '@corridor/core';
import { sql } from 'kysely';
import { insertInBatches, type Db } from '../db/batch.js';

/** A pair for the review queue; `a` < `b`. */
export interface QueuedPair {
  a: string;
  b: string;
  rule: string;
  score: number;
}

/**
 * Pairs of active persons in different households that hold the same document number (matched by
 * blind index); with `involving`, only pairs with at least one of those persons.
 */
export async function sameDocumentPairs(
  db: Db,
  involving?: ReadonlySet<string>,
): Promise<QueuedPair[]> {
  const rows = await db
    .selectFrom('documents as d1')
    .innerJoin('documents as d2', (j) =>
      j.onRef('d1.number_bidx', '=', 'd2.number_bidx').onRef('d1.person_id', '<', 'd2.person_id'),
    )
    .innerJoin('persons as p1', 'p1.id', 'd1.person_id')
    .innerJoin('persons as p2', 'p2.id', 'd2.person_id')
    .select(['d1.person_id as a', 'd2.person_id as b'])
    .where('p1.merged_into', 'is', null)
    .where('p2.merged_into', 'is', null)
    .whereRef('p1.household_id', '<>', 'p2.household_id')
    .execute();
  return rows
    .filter((r) => !involving || involving.has(r.a) || involving.has(r.b))
    .map((r) => ({ ...orderPair(r.a, r.b), rule: 'same-document', score: 1 }));
}

/** How many active (not merged) members each household has. */
export async function activeHouseholdSizes(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('persons')
    .select(['household_id', sql<number>`count(*)::int`.as('n')])
    .where('merged_into', 'is', null)
    .groupBy('household_id')
    .execute();
  return new Map(rows.map((r) => [r.household_id, r.n]));
}

/** Queues the pairs not in the queue yet (the first of repeated pairs wins); returns how many. */
export async function queueNewPairs(trx: Db, pairs: readonly QueuedPair[]): Promise<number> {
  const known = new Set(
    (await trx.selectFrom('dedup_pairs').select(['a_person', 'b_person']).execute()).map(
      (r) => `${r.a_person}|${r.b_person}`,
    ),
  );
  const fresh = new Map<string, QueuedPair>();
  for (const p of pairs) {
    const key = `${p.a}|${p.b}`;
    if (!known.has(key) && !fresh.has(key)) fresh.set(key, p);
  }
  await insertInBatches(
    trx,
    'dedup_pairs',
    [...fresh.values()].map((p) => ({
      a_person: p.a,
      b_person: p.b,
      rule: p.rule,
      score: p.score,
    })),
  );
  return fresh.size;
}

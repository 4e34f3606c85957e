/**
 * Duplicates an import may bring: a person id already used for someone else, a document number
 * already held by another person, a similar name with the same birth year and household size.
 * Each pair goes to the review queue; nothing is merged without a decision.
 */
import {
  jaroWinkler,
  nameSimilarityThreshold,
  normalizeName,
  orderPair,
  type PersonPii,
} from '@corridor/core';
import { sql } from 'kysely';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { personKeys } from './person-keys.js';

/** A person the import added, as the duplicate rules see them. */
export interface ImportedSubject {
  id: string;
  householdId: string;
  fullName: string;
  birthYear: number | null;
}

interface Pair {
  a: string;
  b: string;
  rule: string;
  score: number;
}

async function sameDocument(trx: Db, added: ReadonlySet<string>): Promise<Pair[]> {
  const rows = await trx
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
    .filter((r) => added.has(r.a) || added.has(r.b))
    .map((r) => ({ ...orderPair(r.a, r.b), rule: 'same-document', score: 1 }));
}

async function similarNames(
  trx: Db,
  vault: Vault,
  added: readonly ImportedSubject[],
  addedIds: ReadonlySet<string>,
): Promise<Pair[]> {
  const sizes = new Map(
    (
      await trx
        .selectFrom('persons')
        .select(['household_id', sql<number>`count(*)::int`.as('n')])
        .where('merged_into', 'is', null)
        .groupBy('household_id')
        .execute()
    ).map((r) => [r.household_id, r.n]),
  );
  const blockOf = (year: number | null, household: string) =>
    year === null ? undefined : `${year}|${sizes.get(household) ?? 0}`;
  const blocks = new Map<string, { id: string; household: string; name: string }[]>();
  for (const s of added) {
    const key = blockOf(s.birthYear, s.householdId);
    if (!key) continue;
    const list = blocks.get(key) ?? [];
    list.push({ id: s.id, household: s.householdId, name: normalizeName(s.fullName) });
    blocks.set(key, list);
  }
  const existing = (
    await trx
      .selectFrom('persons')
      .select(['id', 'household_id', 'birth_year', 'pii'])
      .where('merged_into', 'is', null)
      .where('birth_year', 'is not', null)
      .execute()
  ).filter((p) => !addedIds.has(p.id) && blocks.has(blockOf(p.birth_year, p.household_id)!));
  const keys = await personKeys(
    trx,
    vault,
    existing.map((p) => p.id),
  );
  const out: Pair[] = [];
  for (const p of existing) {
    const key = keys.get(p.id);
    if (!key) continue;
    const pii = vault.decrypt<PersonPii>(key, `person:${p.id}`, p.pii);
    const name = normalizeName(`${pii.givenName} ${pii.familyName}`);
    for (const s of blocks.get(blockOf(p.birth_year, p.household_id)!) ?? []) {
      if (s.household === p.household_id) continue;
      const score = jaroWinkler(s.name, name);
      if (score >= nameSimilarityThreshold)
        out.push({ ...orderPair(s.id, p.id), rule: 'similar-name', score });
    }
  }
  return out;
}

/**
 * Queues the pairs an import brings: `sameId` pairs (an id already in use, the new record
 * stored under a new id), same document numbers, and, when the database held persons before,
 * similar names of added persons against those already there. Returns how many pairs are new.
 */
export async function queueImportDuplicates(
  trx: Db,
  vault: Vault,
  added: readonly ImportedSubject[],
  sameId: readonly [string, string][],
  hadPersons: boolean,
): Promise<number> {
  const addedIds = new Set(added.map((s) => s.id));
  const pairs: Pair[] = sameId.map(([x, y]) => ({ ...orderPair(x, y), rule: 'same-id', score: 1 }));
  if (addedIds.size > 0) {
    pairs.push(...(await sameDocument(trx, addedIds)));
    if (hadPersons) pairs.push(...(await similarNames(trx, vault, added, addedIds)));
  }
  const known = new Set(
    (await trx.selectFrom('dedup_pairs').select(['a_person', 'b_person']).execute()).map(
      (r) => `${r.a_person}|${r.b_person}`,
    ),
  );
  const fresh = new Map<string, Pair>();
  for (const p of pairs) {
    const key = `${p.a}|${p.b}`;
    if (!known.has(key) && !fresh.has(key)) fresh.set(key, p);
  }
  const rows = [...fresh.values()].map((p) => ({
    a_person: p.a,
    b_person: p.b,
    rule: p.rule,
    score: p.score,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('dedup_pairs')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}

/**
 * Duplicates an import may bring: a person id already used for someone else, a document number
 * already held by another person, a similar name with the same birth year and household size.
 * Each pair goes to the review queue; nothing is merged without a decision.
 */
import { jaroWinkler, nameSimilarityThreshold, normalizeName, orderPair } from '@corridor/core';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import {
  activeHouseholdSizes,
  queueNewPairs,
  sameDocumentPairs,
  type QueuedPair,
} from './dedup-queries.js';
import { personKeys } from './person-keys.js';
import { openPersonRecord } from './person-record.js';

/** A person the import added, as the duplicate rules see them. */
export interface ImportedSubject {
  id: string;
  householdId: string;
  fullName: string;
  birthYear: number | null;
}

async function similarNames(
  trx: Db,
  vault: Vault,
  added: readonly ImportedSubject[],
  addedIds: ReadonlySet<string>,
): Promise<QueuedPair[]> {
  const sizes = await activeHouseholdSizes(trx);
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
      .select(['id', 'household_id', 'birth_year', 'pii', 'pii_key'])
      .where('merged_into', 'is', null)
      .where('birth_year', 'is not', null)
      .execute()
  ).filter((p) => !addedIds.has(p.id) && blocks.has(blockOf(p.birth_year, p.household_id)!));
  const keys = await personKeys(
    trx,
    vault,
    existing.map((p) => p.id),
  );
  const out: QueuedPair[] = [];
  for (const p of existing) {
    const key = keys.get(p.id);
    if (!key) continue;
    const pii = openPersonRecord(vault, key, p);
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
  const pairs: QueuedPair[] = sameId.map(([x, y]) => ({
    ...orderPair(x, y),
    rule: 'same-id',
    score: 1,
  }));
  if (addedIds.size > 0) {
    pairs.push(...(await sameDocumentPairs(trx, addedIds)));
    if (hadPersons) pairs.push(...(await similarNames(trx, vault, added, addedIds)));
  }
  return queueNewPairs(trx, pairs);
}

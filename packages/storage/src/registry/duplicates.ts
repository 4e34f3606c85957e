/** The duplicates review queue: rules find pairs, people decide, nothing merges silently. */
import { errors, similarNamePairs, type DedupCandidate } from '@corridor/core';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import { activeHouseholdSizes, queueNewPairs, sameDocumentPairs } from './dedup-queries.js';
import type { Vault } from '../vault/vault.js';
import { personKeys } from './person-keys.js';
import type { DuplicateDecision, DuplicatePair } from './registry-store.js';
import { erasedText, openForMembers, sealForMembers } from './sealed-text.js';
import { openPersonRecord } from './person-record.js';

/** The columns of a sealed note; with a person already erased the note is not kept as text. */
function sealedNote(sealed: Buffer | undefined) {
  return sealed ? { note: null, note_sealed: sealed } : { note: erasedText, note_sealed: null };
}

/** Pairs with a similar name, the same birth year and the same household size. */
async function similarNameCandidates(db: Db, vault: Vault): Promise<DedupCandidate[]> {
  const sizes = await activeHouseholdSizes(db);
  const persons = await db
    .selectFrom('persons as p')
    .select(['p.id', 'p.household_id', 'p.birth_year', 'p.pii', 'p.pii_key'])
    .where('p.merged_into', 'is', null)
    .where('p.birth_year', 'is not', null)
    .execute();
  const keys = await personKeys(
    db,
    vault,
    persons.map((p) => p.id),
  );
  const subjects = persons.flatMap((p) => {
    const key = keys.get(p.id);
    if (!key) return [];
    const pii = openPersonRecord(vault, key, p);
    return [
      {
        personId: p.id,
        householdId: p.household_id,
        fullName: `${pii.givenName} ${pii.familyName}`,
        birthYear: p.birth_year,
        householdSize: sizes.get(p.household_id) ?? 0,
      },
    ];
  });
  return similarNamePairs(subjects);
}

/** Runs every rule and queues pairs not seen before; returns how many were added. */
export async function scanDuplicatesIn(trx: Db, vault: Vault, actor: Actor): Promise<number> {
  const added = await queueNewPairs(trx, [
    ...(await sameDocumentPairs(trx)),
    ...(await similarNameCandidates(trx, vault)),
  ]);
  await appendAudit(trx, actor, {
    action: 'dedup.scan',
    entity: 'dedup',
    entityId: '*',
    detail: { added },
  });
  return added;
}

function present(
  r: {
    id: number;
    a_person: string;
    b_person: string;
    rule: string;
    score: number;
    status: string;
    decided_by: string | null;
    note: string | null;
    note_sealed: Uint8Array | null;
  },
  vault: Vault,
  keys: ReadonlyMap<string, Buffer>,
): DuplicatePair {
  const note = r.note_sealed
    ? openForMembers(vault, keys, [r.a_person, r.b_person], `dedup:${r.id}`, r.note_sealed)
    : r.note;
  return {
    id: r.id,
    a: r.a_person,
    b: r.b_person,
    rule: r.rule,
    score: Math.round(r.score * 1000) / 1000,
    status: r.status as DuplicatePair['status'],
    decidedBy: r.decided_by,
    note,
  };
}

/** The review queue. */
export async function listDuplicates(
  db: Db,
  vault: Vault,
  status?: DuplicatePair['status'],
): Promise<DuplicatePair[]> {
  let q = db.selectFrom('dedup_pairs').selectAll().orderBy('id');
  if (status) q = q.where('status', '=', status);
  const rows = await q.execute();
  const sealed = rows.filter((r) => r.note_sealed).flatMap((r) => [r.a_person, r.b_person]);
  const keys = await personKeys(db, vault, [...new Set(sealed)]);
  return rows.map((r) => present(r, vault, keys));
}

/**
 * Settles one pair. A merge marks the dropped person as merged into the kept one (both records
 * and both histories stay); a household left with no active member is marked merged too.
 */
export async function decideDuplicateIn(
  trx: Db,
  vault: Vault,
  id: number,
  d: DuplicateDecision,
  actor: Actor,
): Promise<DuplicatePair> {
  const pair = await trx
    .selectFrom('dedup_pairs')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!pair) throw errors.notFound('duplicate pair', String(id));
  if (pair.status !== 'open')
    throw errors.conflict(`duplicate pair ${id} was already decided (${pair.status})`);
  const noteKeys = await personKeys(trx, vault, [pair.a_person, pair.b_person]);
  if (d.decision === 'merge') {
    const keep = d.keep ?? pair.a_person;
    if (keep !== pair.a_person && keep !== pair.b_person) {
      throw errors.invalidInput(`--keep must be ${pair.a_person} or ${pair.b_person}`);
    }
    const drop = keep === pair.a_person ? pair.b_person : pair.a_person;
    await mergePerson(trx, drop, keep, id, actor);
  }
  await trx
    .updateTable('dedup_pairs')
    .set({
      status: d.decision === 'merge' ? 'merged' : 'distinct',
      decided_by: actor.name,
      decided_at: new Date(),
      // The note is about the two persons: sealed under both their keys (text only if one has none).
      ...sealedNote(
        sealForMembers(vault, noteKeys, [pair.a_person, pair.b_person], `dedup:${id}`, d.note),
      ),
    })
    .where('id', '=', id)
    .execute();
  await appendAudit(trx, actor, {
    action: `dedup.${d.decision}`,
    entity: 'dedup',
    entityId: String(id),
    detail: { a: pair.a_person, b: pair.b_person },
  });
  const updated = await trx
    .selectFrom('dedup_pairs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return present(updated, vault, noteKeys);
}

async function mergePerson(
  trx: Db,
  drop: string,
  keep: string,
  pairId: number,
  actor: Actor,
): Promise<void> {
  const [dropped, kept] = await Promise.all([
    trx
      .selectFrom('persons')
      .select(['household_id', 'merged_into'])
      .where('id', '=', drop)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('persons')
      .select(['household_id', 'merged_into'])
      .where('id', '=', keep)
      .executeTakeFirstOrThrow(),
  ]);
  if (dropped.merged_into || kept.merged_into)
    throw errors.conflict(`person ${dropped.merged_into ? drop : keep} was already merged`);
  await trx.updateTable('persons').set({ merged_into: keep }).where('id', '=', drop).execute();
  const active = await trx
    .selectFrom('persons')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('household_id', '=', dropped.household_id)
    .where('merged_into', 'is', null)
    .executeTakeFirstOrThrow();
  if (active.n === 0) {
    const h = await trx
      .selectFrom('households')
      .select(['status'])
      .where('id', '=', dropped.household_id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('households')
      .set({ merged_into: kept.household_id, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', dropped.household_id)
      .execute();
    await trx
      .insertInto('case_history')
      .values({
        household_id: dropped.household_id,
        from_status: h.status,
        to_status: h.status,
        actor: actor.name,
        role: actor.role,
        reason: `merged into case ${kept.household_id} (duplicate pair ${pairId})`,
      })
      .execute();
  }
}

/** Removes a person added by mistake: not an erasure (which keeps the row for the counts). */
import { errors } from '@corridor/core';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { resealGrievancesWithout } from '../grievances/reseal-without.js';
import { resealHistoryWithout, writeEditHistory } from './edit-history.js';
import type { PersonRemoved } from './registry-store.js';

/** Why the person cannot simply be removed, or null: records that others rely on refuse it. */
async function removalBlocker(trx: Db, id: string, householdId: string): Promise<string | null> {
  const others = await trx
    .selectFrom('persons')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '!=', id)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  if (!others)
    return `person ${id} is the last member of case ${householdId}; a case is never left empty`;
  const merged = await trx
    .selectFrom('persons')
    .select('id')
    .where('merged_into', '=', id)
    .executeTakeFirst();
  if (merged) return `person ${merged.id} was merged into person ${id}`;
  const checkin = await trx
    .selectFrom('checkin_events')
    .select('seq')
    .where('person_id', '=', id)
    .executeTakeFirst();
  if (checkin) return `person ${id} has check-in records`;
  const held = await trx
    .selectFrom('belongings')
    .select('id')
    .where('person_id', '=', id)
    .executeTakeFirst();
  if (held) return `person ${id} has belongings on a chain of custody`;
  const disclosed = await trx
    .selectFrom('disclosure_persons')
    .select('disclosure_id')
    .where('person_id', '=', id)
    .executeTakeFirst();
  if (disclosed) return `person ${id} is in the disclosure log (${disclosed.disclosure_id})`;
  return null;
}

/**
 * Deletes the person's row with their key, needs and documents (and open duplicate pairs) inside
 * the caller's transaction; the case history and the `person.remove` audit event keep who removed
 * whom, when and why. A head of household, a case's last member, or a person others' records
 * rely on (check-in, custody, a merge) is refused: erase them instead. Like an erasure, the removal
 * waits for the key generation that wrapped the deleted key to be destroyed (`key_erasures`, kind
 * `remove`): until then their old rows in the log could still be opened (the caller finishes it).
 */
export async function removePersonIn(
  trx: Db,
  vault: Vault,
  id: string,
  reason: string,
  actor: Actor,
  now = new Date(),
): Promise<PersonRemoved> {
  const row = await trx
    .selectFrom('persons')
    .select(['household_id', 'is_head', 'version', 'merged_into'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw errors.notFound('person', id);
  const householdId = row.household_id;
  await trx
    .selectFrom('households')
    .select('id')
    .where('id', '=', householdId)
    .forUpdate()
    .execute();
  const blocker = row.is_head
    ? `person ${id} is the head of case ${householdId}`
    : await removalBlocker(trx, id, householdId);
  if (blocker)
    throw errors.conflict(
      `${blocker}: nothing removed (person.remove is for a record added by mistake; person.erase erases one)`,
    );
  await resealHistoryWithout(trx, vault, householdId, id);
  await resealGrievancesWithout(trx, vault, householdId, id);
  await trx.deleteFrom('persons').where('id', '=', id).execute();
  // Final on disk once the generation that wrapped the deleted key is destroyed (keys/erasure-batch.ts).
  await trx
    .insertInto('key_erasures')
    .values({ person_id: id, erased_at: now, kind: 'remove' })
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        erased_at: now,
        final_at: null,
        destroyed_generation: null,
        kind: 'remove',
      }),
    )
    .execute();
  const at = await writeEditHistory(trx, vault, householdId, `person ${id} removed`, reason, actor);
  await appendAudit(trx, actor, {
    action: 'person.remove',
    entity: 'person',
    entityId: id,
    detail: { household: householdId, version: row.version },
  });
  return {
    personId: id,
    householdId,
    version: row.version,
    changed: [],
    at,
    duplicatePairs: 0,
    final: false,
    finalBy: now.toISOString(),
  };
}

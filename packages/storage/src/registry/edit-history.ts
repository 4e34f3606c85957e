/** A hand edit's line in its case's history: what changed (ids, field names) and the sealed reason. */
import { sql } from 'kysely';
import type { Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { sealedReason } from './move-case.js';
import { personKeys } from './person-keys.js';
import { erasedText, historyItem, openForMembers, sealForMembers } from './sealed-text.js';

/**
 * Bumps the case's version and appends a history line that keeps its status: `change` says what
 * changed without personal values; the person-entered `reason` is sealed under the keys of the
 * case's members as they are after the edit, like a status move's reason. Returns its time.
 */
export async function writeEditHistory(
  trx: Db,
  vault: Vault,
  householdId: string,
  change: string,
  reason: string,
  actor: Actor,
): Promise<string> {
  const h = await trx
    .updateTable('households')
    .set({ version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', householdId)
    .returning('status')
    .executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  await trx
    .insertInto('case_history')
    .values({
      household_id: householdId,
      from_status: h.status,
      to_status: h.status,
      actor: actor.name,
      role: actor.role,
      change,
      ...(await sealedReason(trx, vault, householdId, reason)),
      at,
    })
    .execute();
  return at;
}

/**
 * Re-seals the case's history reasons that were sealed for `personId` under the other members'
 * keys only, before that person's key is deleted with their record: removing a person added by
 * mistake must not make the case's earlier reasons unreadable, as an erasure would.
 */
export async function resealHistoryWithout(
  trx: Db,
  vault: Vault,
  householdId: string,
  personId: string,
): Promise<void> {
  const recordId = `case-history:${householdId}`;
  const rows = (
    await trx
      .selectFrom('case_history')
      .select(['id', 'reason_sealed', 'reason_members', 'reason_key'])
      .where('household_id', '=', householdId)
      .where('reason_sealed', 'is not', null)
      .execute()
  ).filter((r) => (r.reason_members ?? []).includes(personId));
  if (rows.length === 0) return;
  const keys = await personKeys(trx, vault, [...new Set(rows.flatMap((r) => r.reason_members!))]);
  for (const r of rows) {
    const item = historyItem(r);
    const text = openForMembers(vault, keys, r.reason_members!, recordId, r.reason_sealed!, item);
    // Already unreadable (another member was erased): it stays so.
    if (text === erasedText && r.reason_members!.some((m) => !keys.has(m))) continue;
    const rest = r.reason_members!.filter((m) => m !== personId);
    // The line keeps its own secret: shredding it later still makes every version unreadable.
    const secret = item.wrapped
      ? { ...item, secret: vault.unwrapRecordKey(item.kind, item.id, item.wrapped) }
      : undefined;
    const sealed = sealForMembers(vault, keys, rest, recordId, text, secret);
    await trx
      .updateTable('case_history')
      .set(
        sealed
          ? { reason_sealed: sealed, reason_members: JSON.stringify(rest) }
          : { reason_sealed: null, reason_members: null, reason_key: null, reason: erasedText },
      )
      .where('id', '=', r.id)
      .execute();
  }
}

/** Writes a case's status transition: the status, its history and its audit event, all at once. */
import { errors, preDepartureStatuses, type CaseStatus } from '@corridor/core';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { newItemSecret } from '../keys/item-secret.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import { personKeys } from './person-keys.js';
import type { HistoryEntry, TransitionCheck } from './registry-store.js';
import { erasedText, sealForMembers } from './sealed-text.js';

/**
 * A person-entered reason sealed under the keys of the case's members not erased, mixed with a
 * secret of the line's own (so that retention's shredding of it is final on disk): the reason
 * column keeps no text, and the line's id is taken now (the secret is bound to it). With no member
 * left to seal it for, the text is not kept at all.
 */
export async function sealedReason(trx: Db, vault: Vault, householdId: string, reason: string) {
  const members = (
    await trx
      .selectFrom('persons')
      .select('id')
      .where('household_id', '=', householdId)
      .where('erased_at', 'is', null)
      .execute()
  ).map((r) => r.id);
  const keys = await personKeys(trx, vault, members);
  if (members.some((m) => !keys.has(m)) || members.length === 0) return { reason: erasedText };
  const next = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('case_history', 'id'))::int as id`.execute(trx);
  const id = next.rows[0]!.id;
  // The secret is wrapped by the generation the transaction holds until it ends, so a rotation in
  // another process cannot destroy it under this line.
  const item = newItemSecret(vault, await pinGeneration(trx, vault), 'history', String(id));
  const sealed = sealForMembers(vault, keys, members, `case-history:${householdId}`, reason, {
    kind: 'history',
    id: String(id),
    secret: item.secret,
  });
  return sealed
    ? {
        id,
        reason: '',
        reason_sealed: sealed,
        reason_members: JSON.stringify(members),
        reason_key: item.wrapped,
      }
    : { reason: erasedText };
}

/** The status a held or missing case had before it left the main line. */
async function statusBeforeSideState(trx: Db, id: string): Promise<CaseStatus | undefined> {
  const rows = await trx
    .selectFrom('case_history')
    .select(['to_status'])
    .where('household_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.to_status as CaseStatus).find((s) => preDepartureStatuses.includes(s));
}

/**
 * Writes the transition inside the caller's transaction; the case row is locked while `check` (the
 * caller's workflow decision, which throws to refuse) judges it from the case's current status.
 * With a vault the reason (a person's words) is sealed under the members' keys; without one it is
 * a reason the system wrote and is kept as text.
 */
export async function transitionCaseIn(
  trx: Db,
  id: string,
  to: CaseStatus,
  reason: string,
  actor: Actor,
  check: TransitionCheck,
  vault?: Vault,
): Promise<HistoryEntry> {
  const row = await trx
    .selectFrom('households')
    .select(['status', 'merged_into'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw errors.notFound('case', id);
  if (row.merged_into)
    throw errors.conflict(`case ${id} was merged into ${row.merged_into}; move that case instead`);
  const from = row.status as CaseStatus;
  const resumeTo =
    from === 'on-hold' || from === 'missing' ? await statusBeforeSideState(trx, id) : undefined;
  check(from, resumeTo);
  await trx
    .updateTable('households')
    .set({ status: to, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  const at = new Date().toISOString();
  await trx
    .insertInto('case_history')
    .values({
      household_id: id,
      from_status: from,
      to_status: to,
      actor: actor.name,
      role: actor.role,
      ...(vault ? await sealedReason(trx, vault, id, reason) : { reason }),
      at,
    })
    .execute();
  await appendAudit(trx, actor, {
    action: 'case.move',
    entity: 'household',
    entityId: id,
    detail: { from, to },
  });
  return { at, from, to, actor: actor.name, role: actor.role, reason, change: null };
}

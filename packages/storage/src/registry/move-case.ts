/** Writes a case's status transition: the status, its history and its audit event, all at once. */
import { errors, preDepartureStatuses, type CaseStatus } from '@corridor/core';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { HistoryEntry, TransitionCheck } from './registry-store.js';

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
 */
export async function transitionCaseIn(
  trx: Db,
  id: string,
  to: CaseStatus,
  reason: string,
  actor: Actor,
  check: TransitionCheck,
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
      reason,
      at,
    })
    .execute();
  await appendAudit(trx, actor, {
    action: 'case.move',
    entity: 'household',
    entityId: id,
    detail: { from, to },
  });
  return { at, from, to, actor: actor.name, role: actor.role, reason };
}

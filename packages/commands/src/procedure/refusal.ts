/** A host state's refusal returns the case to `rejected-by-destination`, for another referral. */
import { checkTransition, decideTransition, type CaseStatus } from '@corridor/core';
import type { CommandContext } from '../context.js';
import { moveCase } from '../case/move-case.js';

/**
 * Moves the case through the workflow (its history entry, audit event and webhook) when the
 * workflow allows it from the case's status; null when it does not (already rejected, departed…).
 */
export async function returnForReferral(
  ctx: CommandContext,
  refusal: { caseId: string; state: string; step: string },
): Promise<{ from: string; to: string } | null> {
  const { store, actor } = ctx;
  const status = (await store.procedures.caseStatuses([refusal.caseId])).get(
    refusal.caseId,
  ) as CaseStatus;
  if (checkTransition(status, 'rejected-by-destination', actor.role)) return null;
  const entry = await moveCase(ctx, actor, {
    id: refusal.caseId,
    to: 'rejected-by-destination',
    reason: `${refusal.state} refused at the ${refusal.step} step`,
    check: (from, resumeTo) =>
      decideTransition(refusal.caseId, from, 'rejected-by-destination', actor.role, resumeTo),
  });
  return { from: entry.from ?? status, to: entry.to };
}

/** Tells subscribers that a plan became the current one of its kind (`plan.published`). */
import type { StoredPlan } from '@corridor/storage';
import { emit, type EmitContext } from '../webhook/emit.js';

/**
 * Emits `plan.published` for a plan just saved as current, in the caller's transaction: its id,
 * kind and version, and counts of cases placed (on a destination for an allocation, on a movement
 * for a timetable) per destination; never who they are.
 */
export function emitPlanPublished(ctx: EmitContext, plan: StoredPlan): Promise<number> {
  const placed = plan.assignments.filter((a) =>
    plan.kind === 'allocation' ? a.destinationId !== null : a.movementId !== null,
  );
  const byDestination = new Map<string, number>();
  for (const a of placed)
    if (a.destinationId !== null)
      byDestination.set(a.destinationId, (byDestination.get(a.destinationId) ?? 0) + 1);
  return emit(ctx, 'plan.published', {
    planId: plan.id,
    kind: plan.kind,
    version: plan.version,
    parentId: plan.parentId,
    cases: plan.assignments.length,
    placed: placed.length,
    unplaced: plan.assignments.length - placed.length,
    byDestination: [...byDestination]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([destinationId, cases]) => ({ destinationId, cases })),
  });
}

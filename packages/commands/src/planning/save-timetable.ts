/** Saves a timetable (or joint) plan: each case with the movement it leaves on and why. */
import type { TimetableInput } from '@corridor/optimizer';
import type { Actor, Store, StoredPlan } from '@corridor/storage';
import { emitPlanPublished } from '../plan/emit-published.js';

/** Rounds a figure for reports (three decimals). */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Stores the assignment as the next version of the kind (refused if `basedOn` is no longer current)
 * and announces it as `plan.published`, in the caller's transaction.
 */
export async function saveTimetable(
  store: Store,
  actor: Actor,
  plan: {
    kind: 'timetable' | 'joint';
    input: TimetableInput;
    assignment: ArrayLike<number>;
    reasons: string[];
    summary: object;
    basedOn: number | null;
    parentId?: number;
  },
): Promise<StoredPlan> {
  const { input, assignment, reasons } = plan;
  const saved = await store.plans.save(
    {
      kind: plan.kind,
      params: { startDay: input.startDay, hazardRate: input.hazard[0] ?? 0 },
      summary: plan.summary as Record<string, unknown>,
      basedOn: plan.basedOn,
      ...(plan.parentId !== undefined ? { parentId: plan.parentId } : {}),
      assignments: input.cases.map((c, i) => {
        const m = assignment[i]! >= 0 ? input.movements[assignment[i]!]! : null;
        return {
          householdId: c.id,
          destinationId: m?.destinationId ?? c.destinationId,
          movementId: m?.id ?? null,
          locked: Boolean(c.pinned),
          reason: reasons[i] ?? 'best',
        };
      }),
    },
    actor,
  );
  await emitPlanPublished({ store }, saved);
  return saved;
}

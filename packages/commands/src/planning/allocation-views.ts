/** Reading the current allocation (M4): one case's explanation, and the fairness audit. */
import { errors } from '@corridor/core';
import {
  explainAllocation,
  fairnessAudit,
  type Explanation,
  type FairnessReport,
} from '@corridor/optimizer';
import type { Store } from '@corridor/storage';
import { loadAllocationInput } from './allocation-input.js';

/** The current allocation plan and each case's destination in it. */
async function currentAllocation(store: Store) {
  const plan = await store.plans.current('allocation');
  if (!plan)
    throw errors.invalidInput('there is no allocation plan yet; run `corridor allocate` first');
  const assignment: Record<string, string | null> = {};
  for (const a of plan.assignments) assignment[a.householdId] = a.destinationId;
  return { plan, assignment };
}

/** Why case `id` goes where the current allocation puts it, and why not elsewhere. */
export async function explainCase(store: Store, id: string): Promise<Explanation> {
  const { plan, assignment } = await currentAllocation(store);
  const prices = (plan.summary.prices ?? {}) as Record<string, number>;
  const e = explainAllocation(await loadAllocationInput(store), assignment, prices, id);
  if (!e) throw errors.notFound('case in the allocation', id);
  return e;
}

/** The fairness audit of the current allocation. */
export async function allocationFairness(store: Store): Promise<FairnessReport> {
  const { assignment } = await currentAllocation(store);
  return fairnessAudit(await loadAllocationInput(store), assignment);
}

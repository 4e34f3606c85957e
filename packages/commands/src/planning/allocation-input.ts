/** Reads everything allocation needs from the store (shared by the CLI, the API's jobs and explanations). */
import { allocatableStatuses, errors, type IsoDate } from '@corridor/core';
import { allocationInputFrom, type AllocationInput } from '@corridor/optimizer';
import type { Store } from '@corridor/storage';
import { procedureBounds } from '../procedure/bounds.js';
import { casesWithoutRegistrationConsent } from './consent-exclusions.js';

/** The allocation problem as of a day (default today, never before the operation's window). */
export async function loadAllocationInput(
  store: Store,
  asOf = new Date().toISOString().slice(0, 10),
): Promise<AllocationInput> {
  return (await loadAllocation(store, asOf)).input;
}

/**
 * The allocation problem, and the cases left out of it because a member refused or withdrew
 * registration consent (consent-exclusions.ts).
 */
export async function loadAllocation(
  store: Store,
  asOf = new Date().toISOString().slice(0, 10),
): Promise<{ input: AllocationInput; withoutConsent: string[] }> {
  const op = await store.registry.operation();
  if (!op) throw errors.noOperation();
  const all = await store.registry.planningCases(allocatableStatuses);
  const withoutConsent = await casesWithoutRegistrationConsent(
    store,
    all.cases.map((c) => c.id),
  );
  const out = new Set(withoutConsent);
  const cases = all.cases.filter((c) => !out.has(c.id));
  const links = all.links.filter((l) => !out.has(l.a) && !out.has(l.b));
  const current = await store.plans.current('allocation');
  const previous: Record<string, string | null> = {};
  for (const a of current?.assignments ?? []) previous[a.householdId] = a.destinationId;
  // A host state that refused a case is not offered it again.
  const refusedBy = new Map(
    [...(await procedureBounds(store, asOf as IsoDate))].map(([caseId, states]) => [
      caseId,
      [...states].filter(([, b]) => b.refused).map(([state]) => state),
    ]),
  );
  const input = allocationInputFrom({
    cases,
    links,
    destinations: await store.registry.destinations(),
    pledges: await store.registry.pledges(),
    locks: await store.plans.locks(),
    previous,
    asOf: asOf > op.windowStart ? asOf : op.windowStart,
    windowEnd: op.windowEnd,
    refusedBy,
  });
  return { input, withoutConsent };
}

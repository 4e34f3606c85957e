/** Allocation (M4) as one run: read the cases, solve off the event loop, save a new plan version. */
import { errors } from '@corridor/core';
import {
  allocationStart,
  buildAllocationInstance,
  defaultAllocationWeights,
} from '@corridor/optimizer';
import type { Actor, Store } from '@corridor/storage';
import { emitPlanPublished } from '../plan/emit-published.js';
import { loadAllocation } from './allocation-input.js';
import { exclusionsOf, type ConsentExclusions } from './consent-exclusions.js';
import { checkCancelled, saveRun, type PlanningControl } from './control.js';
import { solveOffThread } from './off-thread.js';
import { solveProgress } from './solve-progress.js';

/** What an allocation run is given. */
export interface AllocationParams {
  timeLimitMs: number;
  seed: number;
}

/** Defaults of an allocation run (the CLI's `--time-limit 10 --seed 1`). */
export const defaultAllocationParams: AllocationParams = { timeLimitMs: 10_000, seed: 1 };

/** What `corridor allocate --json` prints and an allocation job's result holds. */
export interface AllocationSummary extends ConsentExclusions {
  status: string;
  objective: number;
  bound: number;
  gap: number;
  unplaced: number;
  unplacedPersons: number;
  cases: number;
  byDestination: Record<
    string,
    { cases: number; persons: number; capacity: number; medical: number }
  >;
  shortfall: { resource: string; missing: number }[];
  timeMs: number;
  plan: { id: number; version: number };
}

/** Assigns every allocatable case to a destination and stores the plan as a new version. */
export async function runAllocation(
  store: Store,
  actor: Actor,
  params: AllocationParams,
  control: PlanningControl,
): Promise<AllocationSummary> {
  control.progress({ phase: 'loading', fraction: 0.02, message: 'reading cases and pledges' });
  const { input, withoutConsent } = await loadAllocation(store);
  if (input.cases.length === 0)
    throw errors.invalidInput(
      'no case is ready for allocation (statuses verified to exit-cleared)',
    );
  const basedOn = (await store.plans.current('allocation'))?.id ?? null;
  const instance = buildAllocationInstance(input);
  const { locks, warmStart } = allocationStart(input);
  checkCancelled(control);
  const started = Date.now();
  const result = await solveOffThread(
    {
      instance,
      options: {
        timeLimitMs: params.timeLimitMs,
        seed: params.seed,
        locks: [...locks],
        warmStart: warmStart ? Array.from(warmStart) : null,
      },
    },
    (p) => control.progress(solveProgress(p, started, params.timeLimitMs)),
    control.signal,
  );
  control.progress({ phase: 'saving', fraction: 0.95, message: 'saving the plan' });
  const prices: Record<string, number> = {};
  for (const r of result.resources) if (r.price > 1e-9) prices[r.name] = r.price;
  const byDestination: AllocationSummary['byDestination'] = {};
  input.destinations.forEach(
    (d) => (byDestination[d.id] = { cases: 0, persons: 0, capacity: d.persons, medical: 0 }),
  );
  input.cases.forEach((c, i) => {
    const k = result.assignment[i]!;
    if (k < 0) return;
    const b = byDestination[input.destinations[k]!.id]!;
    b.cases++;
    b.persons += c.persons;
    b.medical += c.medicalPersons;
  });
  const unplacedPersons = input.cases.reduce(
    (s, c, i) => s + (result.assignment[i]! < 0 ? c.persons : 0),
    0,
  );
  const out = {
    status: result.status,
    objective: Math.round(result.objective * 100) / 100,
    bound: Math.round(result.bound * 100) / 100,
    gap: result.gap,
    unplaced: result.unplaced,
    unplacedPersons,
    cases: input.cases.length,
    byDestination,
    shortfall: result.resources
      .filter((r) => r.shortfall > 0)
      .map((r) => ({ resource: r.name, missing: r.shortfall })),
    timeMs: Math.round(result.stats.timeMs),
    ...exclusionsOf(withoutConsent),
  };
  const plan = await saveRun(store, control, async (tx) => {
    const saved = await tx.plans.save(
      {
        kind: 'allocation',
        params: {
          weights: defaultAllocationWeights,
          timeLimitMs: params.timeLimitMs,
          seed: params.seed,
        },
        summary: { ...out, prices },
        basedOn,
        assignments: input.cases.map((c, i) => {
          const k = result.assignment[i]!;
          return {
            householdId: c.id,
            destinationId: k >= 0 ? input.destinations[k]!.id : null,
            movementId: null,
            locked: c.locked !== undefined,
            reason: result.reasons[i]?.kind ?? 'best',
          };
        }),
      },
      actor,
    );
    await emitPlanPublished({ store: tx }, saved);
    return saved;
  });
  control.progress({ phase: 'done', fraction: 1, message: `plan v${plan.version} saved` });
  return { ...out, plan: { id: plan.id, version: plan.version } };
}

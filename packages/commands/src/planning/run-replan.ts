/** Re-planning (M7) as one run: apply disruption events, re-solve from the current timetable, save. */
import { errors, type ExposureRisk } from '@corridor/core';
import type { PlanChange, ReplanEvent } from '@corridor/optimizer';
import type { Actor, Store } from '@corridor/storage';
import { checkCancelled, saveRun, type PlanningControl } from './control.js';
import { replanOffThread } from './off-thread.js';
import { applyToMovements } from './replan-movements.js';
import { round, saveTimetable } from './save-timetable.js';
import { planRisk } from './plan-risk.js';
import { loadTimetableInput } from './timetable-input.js';
import { exclusionsOf, type ConsentExclusions } from './consent-exclusions.js';

/** What a re-plan run is given (the CLI's flags). */
export interface ReplanParams {
  events: ReplanEvent[];
  /** Exposure a move must save before a case is moved without need. */
  changePenalty: number;
  hazardRate: number;
  timeLimitMs: number;
  /** Compute the proposal and save nothing (no plan version, no movement changed). */
  dryRun?: boolean;
}

/** What `corridor replan --json` prints and a re-plan job's result holds. */
export interface ReplanSummary extends ConsentExclusions {
  status: string;
  changedCases: number;
  keptCases: number;
  minimumChanges: number;
  exposureBefore: number;
  exposureAfter: number;
  timeMs: number;
  changes: PlanChange[];
  risk: ExposureRisk & { attitude: 'neutral' };
  plan: { id: number; version: number } | null;
  dryRun: boolean;
}

/** Applies the events, re-plans the timetable with few changes and stores it as a new version. */
export async function runReplan(
  store: Store,
  actor: Actor,
  params: ReplanParams,
  control: PlanningControl,
): Promise<ReplanSummary> {
  control.progress({ phase: 'loading', fraction: 0.02, message: 'reading the current timetable' });
  const current = await store.plans.current('timetable');
  if (!current)
    throw errors.invalidInput('there is no timetable to re-plan; run `corridor schedule` first');
  const { input, previous, hazardDays, withoutConsent } = await loadTimetableInput(store, {
    joint: false,
    needsFirst: false,
    hazardRate: params.hazardRate,
  });
  checkCancelled(control);
  control.progress({
    phase: 'solving',
    fraction: 0.1,
    message: 're-planning from the current timetable',
  });
  const outcome = await replanOffThread(
    {
      input,
      previous,
      events: params.events,
      options: { changePenalty: params.changePenalty, timeLimitMs: params.timeLimitMs },
    },
    control.signal,
  );
  if ('problems' in outcome) {
    throw errors.invalidInput(
      `events not applied: ${outcome.problems.map((p) => `event ${p.event}: ${p.message}`).join('; ')}`,
      outcome.problems,
    );
  }
  control.progress({
    phase: 'saving',
    fraction: 0.95,
    message: 'saving the plan and the movements',
  });
  const summary = {
    status: outcome.result.status,
    changedCases: outcome.changes.length,
    keptCases: outcome.kept,
    minimumChanges: outcome.minimumChanges,
    exposureBefore: round(outcome.exposureBefore),
    exposureAfter: round(outcome.exposureAfter),
    timeMs: Math.round(outcome.result.stats.timeMs),
    changes: outcome.changes,
    ...exclusionsOf(withoutConsent),
    risk: {
      ...planRisk(
        outcome.input,
        hazardDays,
        outcome.assignment.map((id) =>
          id ? outcome.input.movements.findIndex((m) => m.id === id) : -1,
        ),
      ),
      attitude: 'neutral' as const,
    },
  };
  if (params.dryRun) {
    control.progress({ phase: 'done', fraction: 1, message: 'proposal only: nothing saved' });
    return { ...summary, plan: null, dryRun: true };
  }
  const applied = outcome.input;
  const appliedIndex = new Map(applied.movements.map((m, k) => [m.id, k]));
  // The movements' new states and the plan made for them are kept together or not at all.
  const plan = await saveRun(store, control, async (tx) => {
    await applyToMovements(tx, actor, params.events);
    return saveTimetable(tx, actor, {
      kind: 'timetable',
      input: applied,
      assignment: outcome.assignment.map((id) => (id ? (appliedIndex.get(id) ?? -1) : -1)),
      reasons: outcome.changes.length
        ? applied.cases.map((c) => outcome.changes.find((x) => x.case === c.id)?.reason ?? 'kept')
        : [],
      summary,
      basedOn: current.id,
      parentId: current.id,
    });
  });
  control.progress({ phase: 'done', fraction: 1, message: `plan v${plan.version} saved` });
  return { ...summary, plan: { id: plan.id, version: plan.version }, dryRun: false };
}

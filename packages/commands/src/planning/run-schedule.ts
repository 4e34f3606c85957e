/** The timetable (M5) as one run: movements for every allocated case, minimising exposure. */
import { defaultHazardPrior, errors, type ExposureRisk } from '@corridor/core';
import {
  buildTimetableInstance,
  firstReadyFirstServed,
  timetableMetrics,
} from '@corridor/optimizer';
import type { Actor, Store } from '@corridor/storage';
import { checkCancelled, saveRun, type PlanningControl } from './control.js';
import { solveOffThread } from './off-thread.js';
import { round, saveTimetable } from './save-timetable.js';
import { solveProgress } from './solve-progress.js';
import { planRisk } from './plan-risk.js';
import { loadTimetableInput, type RiskAttitude } from './timetable-input.js';
import { exclusionsOf, type ConsentExclusions } from './consent-exclusions.js';
import {
  bookCandidates,
  candidateSummary,
  planCandidates,
  type CandidateSummary,
} from './schedule-candidates.js';

/** What a timetable run is given (the CLI's flags). */
export interface ScheduleParams {
  joint: boolean;
  needsFirst: boolean;
  /** Expected incidents per day when the incident log says little. */
  hazardRate: number;
  timeLimitMs: number;
  /** `averse`: plan against the hazard's 90% upper quantile (default `neutral`: its mean). */
  risk?: RiskAttitude;
  /** Choose among candidate movements (default true when some are on offer; timetable mode only). */
  candidates?: boolean;
  /** The most the bookings may cost, in major units of the candidates' currency (default: no limit). */
  budget?: string;
}

/** Defaults of a timetable run (`corridor schedule` without flags). */
export const defaultScheduleParams: ScheduleParams = {
  joint: false,
  needsFirst: false,
  hazardRate: defaultHazardPrior,
  timeLimitMs: 10_000,
};

/** What `corridor schedule --json` prints and a schedule job's result holds. */
export interface ScheduleSummary extends ConsentExclusions {
  status: string;
  exposure: number;
  makespanDays: number;
  movementsUsed: number;
  unplaced: number;
  unplacedPersons: number;
  unusedSeats: number;
  gap: number;
  cases: number;
  startDay: string;
  firstReadyFirstServed: { exposure: number; unplaced: number; cvar90: number };
  /** The plan's exposure under sampled hazard paths, and the attitude it was made with. */
  risk: ExposureRisk & { attitude: RiskAttitude };
  exposureRatioToFirstReady: number | null;
  shortfall: { resource: string; missing: number }[];
  unplacedCases: string[];
  timeMs: number;
  allocateThenSchedule?: { exposure: number; saved: number };
  /** Candidate movements chosen and the hand method beside it (when candidates were on offer). */
  candidates?: CandidateSummary;
  plan: { id: number; version: number };
}

/** Assigns cases to movements and stores the timetable (or joint plan) as a new version. */
export async function runSchedule(
  store: Store,
  actor: Actor,
  params: ScheduleParams,
  control: PlanningControl,
): Promise<ScheduleSummary> {
  const attitude = params.risk ?? 'neutral';
  const o = {
    joint: params.joint,
    needsFirst: params.needsFirst,
    hazardRate: params.hazardRate,
    risk: attitude,
  };
  const kind = params.joint ? 'joint' : 'timetable';
  control.progress({ phase: 'loading', fraction: 0.02, message: 'reading cases and movements' });
  const loaded = await loadTimetableInput(store, o);
  const { hazardDays } = loaded;
  let solved = loaded.input;
  const candidatePlan =
    !params.joint && params.candidates !== false
      ? await planCandidates(store, solved, params.budget, params.timeLimitMs)
      : undefined;
  if (candidatePlan) solved = candidatePlan.input;
  // The plan is saved and reported with the mean hazard, whichever it was made against.
  const input = { ...solved, hazard: hazardDays.map((d) => d.mean) };
  if (input.cases.length === 0)
    throw errors.invalidInput('no case to schedule: allocate cases first (corridor allocate)');
  const basedOn = (await store.plans.current(kind))?.id ?? null;
  const { instance } = buildTimetableInstance(solved);
  // Start from what operators would do by hand; the search only improves on it.
  const handmade = firstReadyFirstServed(input);
  checkCancelled(control);
  const started = Date.now();
  const until = params.joint ? 0.6 : 0.9;
  const result = await solveOffThread(
    {
      instance,
      options: { timeLimitMs: params.timeLimitMs, warmStart: Array.from(handmade) },
    },
    (p) => control.progress(solveProgress(p, started, params.timeLimitMs, 0.1, until)),
    control.signal,
  );
  const metrics = timetableMetrics(input, result.assignment);
  const baseline = timetableMetrics(input, handmade);
  const summary: Omit<ScheduleSummary, 'plan'> = {
    status: result.status,
    exposure: round(metrics.exposure),
    makespanDays: metrics.makespanDays,
    movementsUsed: metrics.movementsUsed,
    unplaced: metrics.unplaced,
    unplacedPersons: metrics.unplacedPersons,
    unusedSeats: metrics.unusedSeats,
    gap: result.gap,
    cases: input.cases.length,
    startDay: input.startDay,
    firstReadyFirstServed: {
      exposure: round(baseline.exposure),
      unplaced: baseline.unplaced,
      cvar90: planRisk(input, hazardDays, handmade).cvar90,
    },
    risk: { ...planRisk(input, hazardDays, result.assignment), attitude },
    exposureRatioToFirstReady:
      baseline.exposure > 0 ? round(metrics.exposure / baseline.exposure) : null,
    shortfall: result.resources
      .filter((r) => r.shortfall > 0)
      .map((r) => ({ resource: r.name, missing: r.shortfall })),
    unplacedCases: input.cases.filter((_, i) => result.assignment[i]! < 0).map((c) => c.id),
    ...exclusionsOf(loaded.withoutConsent),
    timeMs: Math.round(result.stats.timeMs),
    ...(candidatePlan
      ? { candidates: candidateSummary(candidatePlan, input, result.assignment) }
      : {}),
  };
  if (params.joint) {
    const separate = await loadTimetableInput(store, { ...o, joint: false }).catch(() => undefined);
    if (separate) {
      control.progress({
        phase: 'comparing',
        fraction: 0.6,
        message: 'allocate-then-schedule, for comparison',
      });
      const second = Date.now();
      const sep = await solveOffThread(
        {
          instance: buildTimetableInstance(separate.input).instance,
          options: {
            timeLimitMs: params.timeLimitMs,
            warmStart: Array.from(firstReadyFirstServed(separate.input)),
          },
        },
        (p) => control.progress(solveProgress(p, second, params.timeLimitMs, 0.6, 0.9)),
        control.signal,
      );
      const e = timetableMetrics(separate.input, sep.assignment).exposure;
      summary.allocateThenSchedule = { exposure: round(e), saved: round(e - metrics.exposure) };
    }
  }
  control.progress({ phase: 'saving', fraction: 0.95, message: 'saving the plan' });
  const plan = await saveRun(store, control, async (tx) => {
    if (candidatePlan) await bookCandidates(tx, actor, candidatePlan);
    return saveTimetable(tx, actor, {
      kind,
      input,
      assignment: result.assignment,
      reasons: result.reasons.map((r) => r.kind),
      summary,
      basedOn,
    });
  });
  control.progress({ phase: 'done', fraction: 1, message: `plan v${plan.version} saved` });
  return { ...summary, plan: { id: plan.id, version: plan.version } };
}

/** The kinds of job the server runs: each one's parameters and the planning run behind it. */
import type { Actor, Store } from '@corridor/storage';
import type { PlanningControl } from '../planning/control.js';
import { runAllocation, type AllocationParams } from '../planning/run-allocation.js';
import { runReplan, type ReplanParams } from '../planning/run-replan.js';
import { runSchedule, type ScheduleParams } from '../planning/run-schedule.js';

/** Every kind of job and the parameters it is stored with. */
export interface JobParams {
  allocate: AllocationParams;
  schedule: ScheduleParams;
  replan: ReplanParams;
}

/** A kind of job. */
export type JobKind = keyof JobParams;

/** The kinds, for schemas and documents. */
export const jobKinds = ['allocate', 'schedule', 'replan'] as const satisfies readonly JobKind[];

type Handler<K extends JobKind> = (
  store: Store,
  actor: Actor,
  params: JobParams[K],
  control: PlanningControl,
) => Promise<object>;

/** What runs each kind; the result is the same JSON as the matching CLI command's `--json`. */
export const jobHandlers: { [K in JobKind]: Handler<K> } = {
  allocate: runAllocation,
  schedule: runSchedule,
  replan: runReplan,
};

/** True when a stored kind is one this server can run. */
export function isJobKind(kind: string): kind is JobKind {
  return (jobKinds as readonly string[]).includes(kind);
}

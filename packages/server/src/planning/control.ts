/** How a planning run reports progress and learns that it should stop. */
import type { JobProgress } from '@corridor/storage';

/** Given to every planning run by its caller: the CLI's progress bar or a job's record. */
export interface PlanningControl {
  /** Called at each phase and now and then while the optimiser works. */
  progress(p: JobProgress): void;
  /** Aborted when the run is cancelled; the optimiser stops and nothing is saved. */
  signal?: AbortSignal;
}

/** A control that reports nowhere and is never cancelled. */
export const silentControl: PlanningControl = { progress: () => undefined };

/** Throws the catalogue's `job-cancelled` when the run was cancelled. */
export function checkCancelled(control: PlanningControl, what = 'run'): void {
  if (control.signal?.aborted) {
    const reason: unknown = control.signal.reason;
    throw reason instanceof Error ? reason : new Error(`the ${what} was cancelled`);
  }
}

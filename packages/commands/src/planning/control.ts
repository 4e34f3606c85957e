/** How a planning run reports progress and learns that it should stop. */
import type { JobProgress, Store } from '@corridor/storage';

/** Given to every planning run by its caller: the CLI's progress bar or a job's record. */
export interface PlanningControl {
  /** Called at each phase and now and then while the optimiser works. */
  progress(p: JobProgress): void;
  /** Aborted when the run is cancelled; the optimiser stops and nothing is saved. */
  signal?: AbortSignal;
  /**
   * Called inside the transaction that saves the run's plan; throws when the run may not save
   * (a job cancelled at the last moment), which rolls the save back.
   */
  beforeSave?: (tx: Store) => Promise<void>;
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

/**
 * Saves what a run made, in one transaction with the control's last check: a cancel either comes
 * first (nothing is saved) or finds the plan saved (and is refused), never both.
 */
export function saveRun<T>(
  store: Store,
  control: PlanningControl,
  save: (tx: Store) => Promise<T>,
): Promise<T> {
  checkCancelled(control);
  return store.atomically(async (tx) => {
    await control.beforeSave?.(tx);
    return save(tx);
  });
}

/** Chooses the job runner for the store: in-process on PGlite, pg-boss on PostgreSQL. */
import type { Store } from '@corridor/storage';
import { InProcessRunner } from './in-process-runner.js';
import type { JobRunner, RunnerSettings } from './job-runner.js';
import { PgBossRunner } from './pg-boss-runner.js';

/** Starts the runner that fits the store's backend. */
export function startJobRunner(store: Store, settings: RunnerSettings): Promise<JobRunner> {
  return store.kind === 'postgres'
    ? PgBossRunner.start(store, settings)
    : InProcessRunner.start(store, settings);
}

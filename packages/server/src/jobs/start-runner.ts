/** Chooses the job runner for the store: in-process on PGlite, pg-boss on PostgreSQL. */
import type { Store } from '@corridor/storage';
import { InProcessRunner } from './in-process-runner.js';
import type { JobRunner, RunnerSettings } from './job-runner.js';

/** Starts the runner that fits the store's backend. */
export async function startJobRunner(store: Store, settings: RunnerSettings): Promise<JobRunner> {
  if (store.kind !== 'postgres') return InProcessRunner.start(store, settings);
  // pg-boss loads only on PostgreSQL, not with every command of an embedded folder.
  const { PgBossRunner } = await import('./pg-boss-runner.js');
  return PgBossRunner.start(store, settings);
}

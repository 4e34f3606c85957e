/**
 * Retention that runs by itself (issue 20 item 5): the server queues the retention job as the
 * system actor once every `retentionEveryMs` (a day by default), looking hourly whether it is
 * due, through the same job runner as any job (pg-boss on PostgreSQL, in-process embedded). With
 * several servers on one database, a server skips its turn when a scheduled run was queued less
 * than one period ago.
 */
import type { Store } from '@corridor/storage';
import type { ServerOptions } from '../options.js';
import { startPeriodic, type Periodic } from '../periodic.js';
import { scheduledActor } from './job-kinds.js';
import type { JobRunner } from './job-runner.js';

/** Queues the retention job now unless a scheduled one was queued within `periodMs`. */
export async function queueScheduledRetention(
  store: Store,
  jobs: JobRunner,
  periodMs: number,
  now: Date,
): Promise<boolean> {
  const actor = scheduledActor('retention');
  const recent = (await store.jobs.list({ limit: 500 })).find(
    (j) =>
      j.kind === 'retention' &&
      j.createdBy === actor.name &&
      now.getTime() - new Date(j.createdAt).getTime() < periodMs * 0.9,
  );
  if (recent) return false;
  await jobs.submit('retention', {}, actor);
  return true;
}

/**
 * How often a server looks whether a run is due: hourly (or every period when shorter), so a
 * server restarted more often than once a day still runs it (the job list says when it last did).
 */
function checkEveryMs(periodMs: number): number {
  return Math.min(periodMs, 60 * 60_000);
}

/** Starts the daily schedule; `stop` waits for a queueing under way. */
export function startRetentionSchedule(
  store: Store,
  jobs: JobRunner,
  o: Required<ServerOptions>,
): Periodic {
  return startPeriodic(() => queueScheduledRetention(store, jobs, o.retentionEveryMs, o.clock()), {
    everyMs: o.retentionEveryMs > 0 ? checkEveryMs(o.retentionEveryMs) : 0,
    log: o.log,
    failure: { retention: 'scheduled run not queued' },
  });
}

/**
 * Messages nobody is delivering (issue 23): lines still `queued` longer than the delivery lease
 * (their send's job was lost or failed), or `sending` under a claim older than the lease (the
 * worker stopped mid-send). At start and then every `messageSweepMs` the server queues one
 * delivery job for them, as the system actor, through the same runner as any job; the lines'
 * claims keep two runs from sending one message twice.
 */
import { deliveryActor, deliveryJobKind, deliveryLeaseMs } from '@corridor/commands';
import type { Store } from '@corridor/storage';
import type { ServerOptions } from '../options.js';
import { startPeriodic, type Periodic } from '../periodic.js';
import type { JobRunner } from './job-runner.js';

/** Queues a delivery job when lines wait past the lease and none is queued or running; true if it did. */
export async function queueMessageSweep(
  store: Store,
  jobs: JobRunner,
  now: Date,
  leaseMs = deliveryLeaseMs(),
): Promise<boolean> {
  if ((await store.messages.pending(new Date(now.getTime() - leaseMs))) === 0) return false;
  for (const status of ['queued', 'running'] as const) {
    const open = await store.jobs.list({ status, limit: 500 });
    if (
      open.some(
        (j) => j.kind === deliveryJobKind && j.createdBy === deliveryActor.name && !j.params.batch,
      )
    )
      return false;
  }
  await jobs.submit(deliveryJobKind, {}, deliveryActor);
  return true;
}

/** Starts the sweep (once now, then on a timer); `stop` waits for one under way. */
export function startMessageSweep(
  store: Store,
  jobs: JobRunner,
  o: Required<ServerOptions>,
): Periodic {
  return startPeriodic(() => queueMessageSweep(store, jobs, o.clock()), {
    everyMs: o.messageSweepMs,
    now: true,
    log: o.log,
    failure: { messages: 'delivery sweep not queued' },
  });
}

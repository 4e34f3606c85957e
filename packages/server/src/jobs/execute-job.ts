/**
 * Runs one queued job to its end on this process: claim, heartbeat (liveness, progress, cancel
 * requests from any server), the planning run, and the outcome. Shared by both runners.
 */
import { execute, type AnyCommand } from '@corridor/commands';
import { errors, isCorridorError, type Role } from '@corridor/core';
import type { JobError, JobOutcome, JobProgress, JobRecord, Store } from '@corridor/storage';
import { commandOfKind, scheduledActor } from './job-kinds.js';

/** How this process runs jobs. */
export interface ExecuteSettings {
  /** This process's name in job records. */
  worker: string;
  /** How often a running job records liveness and progress, and reads cancel requests. */
  heartbeatMs: number;
  clock: () => Date;
  /** Where unexpected failures are reported (without personal data). */
  onUnexpected: (kind: string, error: unknown) => void;
}

/** What ended a run. */
export type ExecuteEnd = JobOutcome['status'] | 'not-claimed' | 'released';

function failure(error: unknown): JobError {
  // The details are the API's (an import's bad rows, their values redacted where personal).
  if (isCorridorError(error))
    return {
      id: error.id,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  return { id: 'job-failed', message: 'the job failed unexpectedly; it was logged' };
}

/**
 * Who runs a job: the user who submitted it, as they are now. A user disabled since, or whose role
 * changed, no longer vouches for the job: it is refused (the policy is checked again by `execute`).
 */
async function submitter(store: Store, job: JobRecord): Promise<{ name: string; role: Role }> {
  // The server's own schedule (retention, daily) vouches only for the kinds declared scheduled.
  if (job.createdBy.startsWith('system:')) {
    const system = scheduledActor(job.kind);
    if (job.createdBy === system.name && commandOfKind(job.kind)?.job?.scheduled === true)
      return system;
    throw errors.forbidden(`job ${job.id}: ${job.createdBy} may not run jobs of kind ${job.kind}`);
  }
  const username = job.createdBy.startsWith('api:') ? job.createdBy.slice(4) : undefined;
  const user = username ? await store.users.credentials(username) : undefined;
  if (!user) throw errors.forbidden(`job ${job.id}: its submitter ${job.createdBy} is no user`);
  if (user.disabled)
    throw errors.forbidden(`job ${job.id}: its submitter ${user.username} has been disabled`);
  if (user.role !== job.createdRole)
    throw errors.forbidden(
      `job ${job.id}: the role of its submitter ${user.username} changed from ${job.createdRole} to ${user.role}`,
    );
  return { name: job.createdBy, role: user.role };
}

/** The long command a job runs. */
function commandOf(kind: string): AnyCommand {
  const command = commandOfKind(kind);
  if (!command) throw errors.jobFailed(`this server cannot run jobs of kind ${kind}`);
  return command;
}

/**
 * Runs job `id` if it is still queued. `stopping` aborts it for a shutdown: it is then put back
 * in the queue (its attempt not counted) instead of failing.
 */
export async function executeJob(
  store: Store,
  id: string,
  settings: ExecuteSettings,
  stopping: AbortSignal,
): Promise<ExecuteEnd> {
  const job = await store.jobs.claim(id, settings.worker, settings.clock());
  if (!job) return 'not-claimed';
  const abort = new AbortController();
  const onStop = () => abort.abort(errors.jobFailed('the server is stopping'));
  stopping.addEventListener('abort', onStop, { once: true });
  let latest: JobProgress | undefined;
  let beating: Promise<void> = Promise.resolve();
  const beat = async () => {
    const progress = latest;
    latest = undefined;
    const r = await store.jobs.heartbeat(id, settings.worker, settings.clock(), progress);
    if ((r.cancelRequested || !r.running) && !abort.signal.aborted)
      abort.abort(errors.jobCancelled(id));
  };
  const timer = setInterval(() => {
    beating = beating.then(beat).catch(() => undefined);
  }, settings.heartbeatMs);
  let outcome: JobOutcome;
  try {
    const command = commandOf(job.kind);
    const actor = { ...(await submitter(store, job)), via: 'job' as const };
    // The same command as the CLI runs: the input parsed again, the policy checked again.
    const result = await execute(
      command,
      {
        actor,
        store,
        now: settings.clock(),
        control: {
          progress: (p) => {
            latest = p;
          },
          signal: abort.signal,
          // The last word on a cancel, in the plan's own transaction (docs/jobs.md).
          beforeSave: async (tx) => {
            if (!(await tx.jobs.markSaved(id, settings.worker, settings.clock())))
              throw errors.jobCancelled(id);
          },
        },
      },
      // A sealed input (an import's file) is opened only here, for the run.
      job.inputSealed ? await store.jobs.openInput(id) : job.params,
    );
    outcome = { status: 'succeeded', result: result as Record<string, unknown> };
  } catch (error) {
    const reason: unknown = abort.signal.reason;
    if (abort.signal.aborted && isCorridorError(reason) && reason.id === 'job-cancelled')
      outcome = { status: 'cancelled' };
    else if (isCorridorError(error) && error.id === 'job-cancelled' && !stopping.aborted)
      outcome = { status: 'cancelled' };
    else if (stopping.aborted) outcome = { status: 'failed', error: failure(reason) };
    else {
      if (!isCorridorError(error)) settings.onUnexpected(job.kind, error);
      outcome = { status: 'failed', error: failure(error) };
    }
  } finally {
    clearInterval(timer);
    stopping.removeEventListener('abort', onStop);
    await beating;
  }
  if (stopping.aborted && outcome.status !== 'succeeded') {
    await store.jobs.release(id, settings.worker, settings.clock());
    return 'released';
  }
  await store.jobs.finish(id, settings.worker, outcome, settings.clock(), latest);
  return outcome.status;
}

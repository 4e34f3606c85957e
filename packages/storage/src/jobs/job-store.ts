/** The jobs capability (M12): durable records of long work, shared by every server process. */
import type { Actor } from '../audit/audit-store.js';

/** Where a job stands. */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** How far a running job has come. */
export interface JobProgress {
  phase: string;
  /** From 0 to 1. */
  fraction: number;
  message: string;
}

/** Why a job failed: an error id from the catalogue and a message for people. */
export interface JobError {
  id: string;
  message: string;
  /** The error's details, as the API's error body has them (an import's bad rows). */
  details?: unknown;
}

/** A job as stored. */
export interface JobRecord {
  id: string;
  kind: string;
  status: JobStatus;
  params: Record<string, unknown>;
  progress: JobProgress | null;
  result: Record<string, unknown> | null;
  error: JobError | null;
  /** Runs started so far (a crash during the first one leads to a second). */
  attempts: number;
  cancelRequested: boolean;
  createdBy: string;
  createdRole: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When the run saved its plan; a cancel is refused from then on. */
  savedAt: string | null;
  /**
   * The input was sealed (personal data: an import's file): `params` is empty, the input is
   * readable only by the worker (`openInput`) and is removed when the job ends.
   */
  inputSealed: boolean;
}

/** How a run ended. */
export type JobOutcome =
  | { status: 'succeeded'; result: Record<string, unknown> }
  | { status: 'failed'; error: JobError }
  | { status: 'cancelled' };

/** What recovery did with jobs whose process stopped sending heartbeats. */
export interface RecoveredJobs {
  /** Queued again for their second (last) attempt. */
  requeued: string[];
  /** Failed: their last attempt was interrupted. */
  failed: string[];
}

/** Durable job records; the queue that dispatches them lives in the server. */
export interface JobStore {
  /**
   * Records a new queued job (audited). `sealed`: the input is encrypted under a fresh data key
   * wrapped by the keyring's current generation instead of kept in `params`.
   */
  create(
    job: { kind: string; params: Record<string, unknown>; sealed?: boolean },
    actor: Actor,
  ): Promise<JobRecord>;
  /** The job's input: `params`, or its sealed input opened; refused once a sealed job has ended. */
  openInput(id: string): Promise<Record<string, unknown>>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Newest first. */
  list(filter?: { status?: JobStatus; limit?: number }): Promise<JobRecord[]>;
  /** Ids of queued jobs, oldest first. */
  queued(): Promise<string[]>;
  /** Marks a queued job running for `worker`; undefined when another took it or it was cancelled. */
  claim(id: string, worker: string, at: Date): Promise<JobRecord | undefined>;
  /** Records liveness (and progress) of a running job; tells whether a cancel was asked. */
  heartbeat(
    id: string,
    worker: string,
    at: Date,
    progress?: JobProgress,
  ): Promise<{ cancelRequested: boolean; running: boolean }>;
  /** Ends a running job of `worker` with its last progress; false when it was no longer that worker's. */
  finish(
    id: string,
    worker: string,
    outcome: JobOutcome,
    at: Date,
    progress?: JobProgress,
  ): Promise<boolean>;
  /**
   * Puts a running job of `worker` back in the queue, its attempt not counted (a clean shutdown);
   * a job that already saved its plan ends `failed` with `job-interrupted-after-save` instead.
   */
  release(id: string, worker: string, at: Date): Promise<boolean>;
  /**
   * Called by a run in the transaction that saves its plan: records the save, or returns false
   * when a cancel was asked first (the run must then save nothing). Holding the job's row until
   * that transaction ends, it makes cancel and save exclusive: one of them wins, never both.
   */
  markSaved(id: string, worker: string, at: Date): Promise<boolean>;
  /**
   * Cancels a queued job at once, or asks the process running it to stop (audited); refused with
   * a conflict once the run has saved its plan.
   */
  cancel(id: string, actor: Actor, at: Date): Promise<JobRecord>;
  /**
   * Running jobs without a heartbeat since `staleBefore` lost their process: queued again while
   * they have had fewer than `maxAttempts` runs, failed otherwise. One that had saved its plan
   * is never run again (a second run would save a second plan): it fails with
   * `job-interrupted-after-save`.
   */
  recover(staleBefore: Date, maxAttempts: number, at: Date): Promise<RecoveredJobs>;
}

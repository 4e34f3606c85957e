/** Durable jobs behind one interface: in-process on PGlite, pg-boss queues on PostgreSQL (M12). */
import type { Actor, JobRecord } from '@corridor/storage';

/** Queues long work and runs it on this process (and, on PostgreSQL, on every other server). */
export interface JobRunner {
  readonly mode: 'in-process' | 'pg-boss';
  /**
   * Records a queued job of `kind` with the long command's input as given (sealed, when the
   * command says so) and hands it to the queue, both in one transaction; answers at once.
   */
  submit(
    kind: string,
    params: Record<string, unknown>,
    actor: Actor,
    options?: { sealed?: boolean },
  ): Promise<JobRecord>;
  /**
   * Hands a job already recorded as queued (by a command, in its own transaction) to the queue;
   * a job no longer queued is left alone when its turn comes.
   */
  wake(id: string): Promise<void>;
  /** Cancels a queued job, or stops a running one within a heartbeat wherever it runs. */
  cancel(id: string, actor: Actor): Promise<JobRecord>;
  /** Resolves when this process has nothing queued or running (tests, scripts). */
  idle(): Promise<void>;
  /** Stops taking jobs; a running one goes back to the queue. */
  stop(): Promise<void>;
}

/** How a runner behaves; every field has a default in the server options. */
export interface RunnerSettings {
  /** This process's name in job records. */
  worker: string;
  heartbeatMs: number;
  /** A running job without a heartbeat for this long lost its process. */
  staleMs: number;
  /** Runs per job at most: a crash during the first leads to one retry. */
  maxAttempts: number;
  /** False: accept jobs but leave running them to other servers (PostgreSQL only). */
  work: boolean;
  clock: () => Date;
  onUnexpected: (kind: string, error: unknown) => void;
}

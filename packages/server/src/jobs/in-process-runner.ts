/**
 * Jobs in embedded (PGlite) mode: one data folder, one process (the folder is locked), so the
 * queue is the jobs table itself, read at start and run one job at a time on this process.
 */
import type { Actor, JobRecord, Store } from '@corridor/storage';
import { executeJob } from './execute-job.js';
import type { JobRunner, RunnerSettings } from './job-runner.js';

/** The embedded runner. */
export class InProcessRunner implements JobRunner {
  readonly mode = 'in-process';
  private readonly queue: string[] = [];
  private active: Promise<unknown> | null = null;
  private readonly stopping = new AbortController();

  private constructor(
    private readonly store: Store,
    private readonly settings: RunnerSettings,
  ) {}

  /**
   * Starts the runner. Jobs left running by a process that stopped without finishing them (it
   * crashed: only one process can open the folder) are retried once or failed; queued jobs run.
   */
  static async start(store: Store, settings: RunnerSettings): Promise<InProcessRunner> {
    const runner = new InProcessRunner(store, settings);
    const now = settings.clock();
    await store.jobs.recover(new Date(now.getTime() + 1), settings.maxAttempts, now);
    runner.queue.push(...(await store.jobs.queued()));
    runner.pump();
    return runner;
  }

  async submit(
    kind: string,
    params: Record<string, unknown>,
    actor: Actor,
    options: { sealed?: boolean } = {},
  ): Promise<JobRecord> {
    const job = await this.store.jobs.create(
      { kind, params, sealed: options.sealed ?? false },
      actor,
    );
    this.queue.push(job.id);
    this.pump();
    return job;
  }

  wake(id: string): Promise<void> {
    if (!this.queue.includes(id)) this.queue.push(id);
    this.pump();
    return Promise.resolve();
  }

  cancel(id: string, actor: Actor): Promise<JobRecord> {
    return this.store.jobs.cancel(id, actor, this.settings.clock());
  }

  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.idle();
  }

  private pump(): void {
    if (this.active || this.stopping.signal.aborted) return;
    const id = this.queue.shift();
    if (id === undefined) return;
    this.active = executeJob(this.store, id, this.settings, this.stopping.signal)
      .catch((error: unknown) => this.settings.onUnexpected('job', error))
      .finally(() => {
        this.active = null;
        this.pump();
      });
  }
}

/**
 * Jobs in PostgreSQL mode: the record lives in the jobs table, the queue in pg-boss, so any
 * server process may take a job, one at a time each. Heartbeats in the record let any server
 * notice a process that died and queue its job again (once).
 */
import { withStartupLock, type Actor, type JobRecord, type Store } from '@corridor/storage';
import { CompiledQuery, sql } from 'kysely';
import { PgBoss, type Db } from 'pg-boss';
import { executeJob } from './execute-job.js';
import type { JobRunner, RunnerSettings } from './job-runner.js';

/** The pg-boss queue every server shares. */
export const jobQueue = 'corridor-jobs';

/**
 * pg-boss over the store's own connection pool. pg-boss 12 sends several statements in one query
 * and needs the rows of each (its advisory-lock claims), so the query goes to the pool itself.
 */
function bossDb(store: Store): Db {
  const rawQuery = store.rawQuery;
  if (!rawQuery) throw new Error('the pg-boss runner needs a PostgreSQL store');
  return {
    executeSql: async (text, values) => {
      const r = (await rawQuery(text, values)) as { rows?: unknown[] } | { rows?: unknown[] }[];
      return { rows: Array.isArray(r) ? r.flatMap((each) => each.rows ?? []) : (r.rows ?? []) };
    },
  };
}

/**
 * pg-boss inside the transaction of `tx` (a store `atomically` handed out), for `send`: its insert
 * is one statement, so Kysely's connection of that transaction runs it, and the message commits or
 * rolls back with the rest.
 */
function transactionDb(tx: Store): Db {
  return {
    executeSql: async (text, values) => {
      const r = await tx.db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...r.rows] };
    },
  };
}

/** The oldest pg-boss schema that pg-boss 12 migrates (the schema of pg-boss 11.0). */
const oldestMigratableSchema = 25;

/**
 * Drops the queue schema of pg-boss 10 (schema version 24), which pg-boss 12 cannot migrate; the
 * jobs table is the record, so nothing but queue messages is lost, and the caller queues the
 * waiting jobs again. Under an advisory lock so that servers starting together drop it once.
 * True when it dropped one.
 */
async function retireUnmigratableQueue(store: Store): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('corridor pg-boss schema'))`.execute(trx);
    const table = await sql<{
      name: string | null;
    }>`select to_regclass('pgboss.version')::text as name`.execute(trx);
    if (!table.rows[0]?.name) return false;
    const version = await sql<{ version: number }>`select version from pgboss.version`.execute(trx);
    const current = version.rows[0]?.version;
    if (current === undefined || current >= oldestMigratableSchema) return false;
    await sql`drop schema pgboss cascade`.execute(trx);
    return true;
  });
}

/** The PostgreSQL runner. */
export class PgBossRunner implements JobRunner {
  readonly mode = 'pg-boss';
  private readonly stopping = new AbortController();
  private readonly running = new Set<Promise<unknown>>();
  private recoverTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly store: Store,
    private readonly boss: PgBoss,
    private readonly settings: RunnerSettings,
  ) {}

  /** Starts pg-boss (creating its schema on first use), recovery and, unless told not to, work. */
  static async start(store: Store, settings: RunnerSettings): Promise<PgBossRunner> {
    const boss = new PgBoss({ db: bossDb(store), schedule: false, supervise: true, migrate: true });
    boss.on('error', (error) => settings.onUnexpected('pg-boss', error));
    // Creating pg-boss's schema races when servers start at once on a new database: one at a time.
    await withStartupLock(store.db, async () => {
      await retireUnmigratableQueue(store);
      await boss.start();
      await boss.createQueue(jobQueue);
    });
    const runner = new PgBossRunner(store, boss, settings);
    await runner.recover();
    // Jobs queued before their row and message were written together may have no message, and a
    // retired pg-boss 10 schema took its messages with it: send one for every queued job (a second
    // message of a job is harmless: only one run claims it).
    for (const id of await store.jobs.queued()) await runner.enqueue(id);
    runner.recoverTimer = setInterval(
      () => void runner.recover().catch((e: unknown) => settings.onUnexpected('recover', e)),
      Math.max(500, settings.staleMs / 2),
    );
    runner.recoverTimer.unref();
    if (settings.work) {
      await boss.work<{ jobId: string }>(
        jobQueue,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([message]) => {
          if (!message || runner.stopping.signal.aborted) return;
          await runner.track(message.data.jobId);
        },
      );
    }
    return runner;
  }

  /** The job's row and its pg-boss message are written in one transaction: both or neither. */
  submit(
    kind: string,
    params: Record<string, unknown>,
    actor: Actor,
    options: { sealed?: boolean } = {},
  ): Promise<JobRecord> {
    return this.store.atomically(async (tx) => {
      const job = await tx.jobs.create({ kind, params, sealed: options.sealed ?? false }, actor);
      await this.enqueue(job.id, tx);
      return job;
    });
  }

  async wake(id: string): Promise<void> {
    await this.enqueue(id);
  }

  cancel(id: string, actor: Actor): Promise<JobRecord> {
    return this.store.jobs.cancel(id, actor, this.settings.clock());
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  async stop(): Promise<void> {
    clearInterval(this.recoverTimer);
    this.stopping.abort();
    await this.idle();
    // pg-boss 12 resolves stop() when it has stopped (v10 needed `wait: true`).
    await this.boss.stop({ graceful: true, close: false, timeout: 5000 });
  }

  /** Sends the job's message, inside `tx`'s transaction when given (pg-boss's `db` option). */
  private enqueue(jobId: string, tx?: Store): Promise<string | null> {
    // A redelivered message whose job is no longer queued is ignored (claim fails), so pg-boss's
    // retry only matters for a job a stopping server put back.
    return this.boss.send(
      jobQueue,
      { jobId },
      {
        retryLimit: 1,
        retryDelay: 1,
        expireInSeconds: 4 * 3600,
        ...(tx ? { db: transactionDb(tx) } : {}),
      },
    );
  }

  private async track(jobId: string): Promise<void> {
    const run = executeJob(this.store, jobId, this.settings, this.stopping.signal);
    this.running.add(run);
    try {
      // Put back by a shutdown: failing the message makes pg-boss deliver it again (retryLimit 1),
      // to another server or to this one after its restart.
      if ((await run) === 'released') throw new Error('released by a stopping server');
    } finally {
      this.running.delete(run);
    }
  }

  /** Queues again the jobs of processes that stopped sending heartbeats. */
  private async recover(): Promise<void> {
    const now = this.settings.clock();
    const stale = new Date(now.getTime() - this.settings.staleMs);
    const { requeued } = await this.store.jobs.recover(stale, this.settings.maxAttempts, now);
    for (const id of requeued) await this.enqueue(id);
  }
}

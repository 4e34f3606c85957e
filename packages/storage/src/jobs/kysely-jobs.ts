/** Job records on Kysely (PGlite and PostgreSQL); every transition is one conditional UPDATE. */
import { randomUUID } from 'node:crypto';
import { errors } from '@corridor/core';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database, JobsTable } from '../db/schema.js';
import type {
  JobError,
  JobOutcome,
  JobProgress,
  JobRecord,
  JobStatus,
  JobStore,
  RecoveredJobs,
} from './job-store.js';
import { transact } from '../db/transact.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import type { Vault } from '../vault/vault.js';

/** How a job ends when its process stopped after its plan was saved (it is not run again). */
const savedError = JSON.stringify({
  id: 'job-interrupted-after-save',
  message:
    'the job saved its plan, then its process stopped before the job ended; the saved plan stands (see the plan list) and the job is not run again',
} satisfies JobError);

function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

/** The record kind a sealed input's data key is wrapped for (rotations re-wrap it, backups too). */
export const jobInputKind = 'job-input';

/** Every column but the sealed input and its key, which only the worker reads (`openInput`). */
const recordColumns = [
  'id',
  'kind',
  'status',
  'params',
  'progress',
  'result',
  'error',
  'attempts',
  'cancel_requested',
  'worker',
  'heartbeat_at',
  'created_by',
  'created_role',
  'created_at',
  'started_at',
  'finished_at',
  'saved_at',
  'input_sealed',
] as const;

type RecordRow = Omit<Selectable<JobsTable>, 'input_key' | 'sealed_input'>;

function toRecord(r: RecordRow): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status as JobStatus,
    params: r.params,
    progress: r.progress as JobProgress | null,
    result: r.result,
    error: r.error as JobError | null,
    attempts: r.attempts,
    cancelRequested: r.cancel_requested,
    createdBy: r.created_by,
    createdRole: r.created_role,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    savedAt: iso(r.saved_at),
    inputSealed: r.input_sealed,
  };
}

/** JobStore over Kysely. */
export class KyselyJobs implements JobStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  create(
    job: { kind: string; params: Record<string, unknown>; sealed?: boolean },
    actor: Actor,
  ): Promise<JobRecord> {
    return transact(this.db, async (trx) => {
      const id = randomUUID();
      let sealed: { input_key: Buffer; sealed_input: RawBuilder<Uint8Array> } | undefined;
      if (job.sealed) {
        // Wrapped under the generation the database records, held until this transaction ends.
        const { key, wrapped } = this.vault.newRecordKey(
          await pinGeneration(trx, this.vault),
          jobInputKind,
          id,
        );
        sealed = {
          input_key: wrapped,
          // As base64 text decoded by the database: PGlite takes a large bytea parameter ~10× slower.
          sealed_input: sql<Uint8Array>`decode(${this.vault
            .encrypt(key, `${jobInputKind}:${id}`, job.params)
            .toString('base64')}, 'base64')`,
        };
        key.fill(0);
      }
      const row = await trx
        .insertInto('jobs')
        .values({
          id,
          kind: job.kind,
          status: 'queued',
          params: JSON.stringify(sealed ? {} : job.params),
          input_sealed: sealed !== undefined,
          ...sealed,
          created_by: actor.name,
          created_role: actor.role,
          created_at: new Date(),
        })
        .returning(recordColumns)
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'job.create',
        entity: 'job',
        entityId: row.id,
        detail: { kind: job.kind },
      });
      return toRecord(row);
    });
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .select(recordColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(filter: { status?: JobStatus; limit?: number } = {}): Promise<JobRecord[]> {
    let q = this.db
      .selectFrom('jobs')
      .select(recordColumns)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100);
    if (filter.status) q = q.where('status', '=', filter.status);
    return (await q.execute()).map(toRecord);
  }

  async queued(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .execute();
    return rows.map((r) => r.id);
  }

  async claim(id: string, worker: string, at: Date): Promise<JobRecord | undefined> {
    const row = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        worker,
        attempts: eb('attempts', '+', 1),
        started_at: at,
        heartbeat_at: at,
        progress: JSON.stringify({ phase: 'starting', fraction: 0, message: 'started' }),
      }))
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where('cancel_requested', '=', false)
      .returning(recordColumns)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  openInput(id: string): Promise<Record<string, unknown>> {
    return transact(this.db, async (trx) => {
      // Holds the generation: a rotation cannot destroy the key that wraps this input meanwhile.
      await pinGeneration(trx, this.vault);
      const row = await trx
        .selectFrom('jobs')
        .select([
          'params',
          'input_sealed',
          'input_key',
          sql<string | null>`encode(sealed_input, 'base64')`.as('sealed_input'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw errors.notFound('job', id);
      if (!row.input_sealed) return row.params;
      if (!row.input_key || !row.sealed_input)
        throw errors.jobFailed(`job ${id}: its sealed input was removed when the job ended`);
      const key = this.vault.unwrapRecordKey(jobInputKind, id, row.input_key);
      try {
        return this.vault.decrypt<Record<string, unknown>>(
          key,
          `${jobInputKind}:${id}`,
          Buffer.from(row.sealed_input, 'base64'),
        );
      } finally {
        key.fill(0);
      }
    });
  }

  async heartbeat(
    id: string,
    worker: string,
    at: Date,
    progress?: JobProgress,
  ): Promise<{ cancelRequested: boolean; running: boolean }> {
    const row = await this.db
      .updateTable('jobs')
      .set({ heartbeat_at: at, ...(progress ? { progress: JSON.stringify(progress) } : {}) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .returning('cancel_requested')
      .executeTakeFirst();
    return { cancelRequested: row?.cancel_requested ?? false, running: row !== undefined };
  }

  async finish(
    id: string,
    worker: string,
    outcome: JobOutcome,
    at: Date,
    progress?: JobProgress,
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({
        ...(progress ? { progress: JSON.stringify(progress) } : {}),
        status: outcome.status,
        finished_at: at,
        result: outcome.status === 'succeeded' ? JSON.stringify(outcome.result) : null,
        error: outcome.status === 'failed' ? JSON.stringify(outcome.error) : null,
        // A sealed input lives only as long as its job.
        input_key: null,
        sealed_input: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async release(id: string, worker: string, at: Date): Promise<boolean> {
    // A job that saved its plan is not run again (that would save a second plan): it ends.
    const r = await sql`
      update jobs set
        status = case when saved_at is null then 'queued' else 'failed' end,
        worker = null,
        attempts = case when saved_at is null then attempts - 1 else attempts end,
        finished_at = case when saved_at is null then null else ${at}::timestamptz end,
        error = case when saved_at is null then null else ${savedError}::jsonb end,
        input_key = case when saved_at is null then input_key else null end,
        sealed_input = case when saved_at is null then sealed_input else null end,
        progress = case when saved_at is null
          then ${JSON.stringify({ phase: 'queued', fraction: 0, message: 'queued again: its server stopped' })}::jsonb
          else progress end
      where id = ${id} and status = 'running' and worker = ${worker}`.execute(this.db);
    return Number(r.numAffectedRows ?? 0) > 0;
  }

  async markSaved(id: string, worker: string, at: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ saved_at: at })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .where('cancel_requested', '=', false)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  cancel(id: string, actor: Actor, at: Date): Promise<JobRecord> {
    return transact(this.db, async (trx) => {
      const job = await trx
        .selectFrom('jobs')
        .select(recordColumns)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!job) throw errors.notFound('job', id);
      if (job.status !== 'queued' && job.status !== 'running')
        throw errors.conflict(
          `job ${id} has already ${job.status === 'cancelled' ? 'been cancelled' : job.status}`,
        );
      if (job.saved_at)
        throw errors.conflict(
          `job ${id} has already saved its plan; it can no longer be cancelled`,
        );
      const row = await trx
        .updateTable('jobs')
        .set(
          job.status === 'queued'
            ? {
                status: 'cancelled',
                cancel_requested: true,
                finished_at: at,
                input_key: null,
                sealed_input: null,
              }
            : { cancel_requested: true },
        )
        .where('id', '=', id)
        .returning(recordColumns)
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'job.cancel',
        entity: 'job',
        entityId: id,
        detail: { kind: job.kind, was: job.status },
      });
      return toRecord(row);
    });
  }

  async recover(staleBefore: Date, maxAttempts: number, at: Date): Promise<RecoveredJobs> {
    const interrupted: JobError = {
      id: 'job-interrupted',
      message: `the job's process stopped during each of its ${maxAttempts} attempts`,
    };
    // One statement: two servers recovering at once cannot both take the same job.
    const rows = await sql<{ id: string; status: string }>`
      update jobs set
        status = case when saved_at is not null then 'failed'
                      when attempts < ${maxAttempts}::int and not cancel_requested then 'queued'
                      when cancel_requested then 'cancelled' else 'failed' end,
        worker = null,
        finished_at = case when saved_at is null and attempts < ${maxAttempts}::int and not cancel_requested then null else ${at}::timestamptz end,
        error = case when saved_at is not null then ${savedError}::jsonb
                     when attempts < ${maxAttempts}::int or cancel_requested then null else ${JSON.stringify(interrupted)}::jsonb end,
        progress = case when saved_at is null and attempts < ${maxAttempts}::int and not cancel_requested
          then ${JSON.stringify({ phase: 'queued', fraction: 0, message: 'queued again after its process stopped' })}::jsonb
          else progress end,
        input_key = case when saved_at is null and attempts < ${maxAttempts}::int and not cancel_requested
          then input_key else null end,
        sealed_input = case when saved_at is null and attempts < ${maxAttempts}::int and not cancel_requested
          then sealed_input else null end
      where status = 'running' and heartbeat_at < ${staleBefore}::timestamptz
      returning id, status`.execute(this.db);
    return {
      requeued: rows.rows.filter((r) => r.status === 'queued').map((r) => r.id),
      failed: rows.rows.filter((r) => r.status !== 'queued').map((r) => r.id),
    };
  }
}

import { backends } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { RunnerSettings } from './job-runner.js';
import { jobQueue, PgBossRunner } from './pg-boss-runner.js';

const postgres = backends.find((b) => b.name === 'postgres')!;
const admin = { name: 'test-admin', role: 'admin' };

function settings(): RunnerSettings {
  return {
    worker: 'upgrade-test',
    heartbeatMs: 200,
    staleMs: 60_000,
    maxAttempts: 2,
    work: false,
    clock: () => new Date(),
    onUnexpected: (kind, error) => {
      throw new Error(`unexpected ${kind}: ${String(error)}`);
    },
  };
}

describe('a database whose queue pg-boss 10 made', () => {
  it('gets a new queue schema on start, with a message for each job still queued', async () => {
    const { store, close } = await postgres.fresh();
    try {
      // The shape pg-boss 10 leaves (schema version 24, which pg-boss 12 cannot migrate).
      await sql`create schema pgboss`.execute(store.db);
      await sql`create table pgboss.version (version int primary key)`.execute(store.db);
      await sql`insert into pgboss.version values (24)`.execute(store.db);
      await sql`create table pgboss.left_by_v10 (id int)`.execute(store.db);
      const waiting = await store.jobs.create({ kind: 'allocate', params: {} }, admin);

      const runner = await PgBossRunner.start(store, settings());
      const version = await sql<{
        version: number;
      }>`select version from pgboss.version`.execute(store.db);
      expect(version.rows[0]!.version).toBeGreaterThanOrEqual(25);
      const leftover = await sql<{
        name: string | null;
      }>`select to_regclass('pgboss.left_by_v10')::text as name`.execute(store.db);
      expect(leftover.rows[0]!.name).toBeNull();
      const messages = async () =>
        (
          await sql<{ id: string }>`select id::text as id from pgboss.job
          where name = ${jobQueue} and data->>'jobId' = ${waiting.id}`.execute(store.db)
        ).rows.map((r) => r.id);
      const first = await messages();
      expect(first).toHaveLength(1);
      await runner.stop();

      // A second start finds a current schema and drops nothing: the message is still there
      // (the start sends every queued job one more, which only one run can claim).
      const again = await PgBossRunner.start(store, settings());
      expect(await messages()).toEqual(expect.arrayContaining(first));
      await again.stop();
    } finally {
      await close();
    }
  });
});

describe('a job submitted on PostgreSQL', () => {
  it('gets its queue message in the transaction of its row: both or neither', async () => {
    const { store, close } = await postgres.fresh();
    try {
      const runner = await PgBossRunner.start(store, settings());
      const messages = async (jobId: string) =>
        (
          await sql<{ n: number }>`select count(*)::int as n from pgboss.job
          where name = ${jobQueue} and data->>'jobId' = ${jobId}`.execute(store.db)
        ).rows[0]!.n;
      try {
        const submitted = await runner.submit('allocate', {}, admin);
        expect(await messages(submitted.id)).toBe(1);

        // A transaction that rolls back after the send leaves neither row nor message.
        let rolledBack = '';
        await expect(
          store.atomically(async (tx) => {
            const job = await tx.jobs.create({ kind: 'allocate', params: {} }, admin);
            rolledBack = job.id;
            await runner['enqueue'](job.id, tx);
            expect(await messages(job.id)).toBe(0); // not visible outside the transaction
            throw new Error('roll back');
          }),
        ).rejects.toThrow('roll back');
        expect(rolledBack).not.toBe('');
        expect(await store.jobs.get(rolledBack)).toBeUndefined();
        expect(await messages(rolledBack)).toBe(0);
      } finally {
        await runner.stop();
      }
    } finally {
      await close();
    }
  });
});

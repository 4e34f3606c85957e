import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends, testEnv } from '../test-support/backends.js';
import { Vault } from '../vault/vault.js';

const planner = { name: 'test-planner', role: 'planner' };

describe.each(backends)('job records on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
  });
  afterAll(async () => close());

  const t0 = new Date('2027-01-01T00:00:00Z');
  const later = new Date('2027-01-01T01:00:00Z');

  /** A job claimed by `worker`, optionally past the save of its plan. */
  async function running(worker: string, saved: boolean): Promise<string> {
    const job = await store.jobs.create({ kind: 'allocate', params: {} }, planner);
    expect(await store.jobs.claim(job.id, worker, t0)).toMatchObject({ status: 'running' });
    if (saved) expect(await store.jobs.markSaved(job.id, worker, t0)).toBe(true);
    return job.id;
  }

  it('queues again a job whose process stopped before saving, and ends one that had saved', async () => {
    const unsaved = await running('w1', false);
    const saved = await running('w1', true);
    const r = await store.jobs.recover(later, 2, later);
    expect(r.requeued).toEqual([unsaved]);
    expect(r.failed).toEqual([saved]);
    expect(await store.jobs.get(unsaved)).toMatchObject({ status: 'queued', error: null });
    expect(await store.jobs.get(saved)).toMatchObject({
      status: 'failed',
      error: { id: 'job-interrupted-after-save' },
      finishedAt: later.toISOString(),
    });
    // It cannot be claimed again, so no second plan is saved.
    expect(await store.jobs.claim(saved, 'w2', later)).toBeUndefined();
  });

  it('fails a job on its last attempt and leaves one with a fresh heartbeat alone', async () => {
    const id = await running('w1', false);
    expect((await store.jobs.recover(t0, 1, later)).failed).toEqual([]);
    expect((await store.jobs.recover(later, 1, later)).failed).toEqual([id]);
    expect(await store.jobs.get(id)).toMatchObject({
      status: 'failed',
      error: { id: 'job-interrupted' },
    });
  });

  it('puts back an unsaved job on a clean shutdown without counting it, and ends a saved one', async () => {
    const unsaved = await running('w3', false);
    const saved = await running('w3', true);
    expect(await store.jobs.release(unsaved, 'w3', later)).toBe(true);
    expect(await store.jobs.release(saved, 'w3', later)).toBe(true);
    expect(await store.jobs.get(unsaved)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await store.jobs.get(saved)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { id: 'job-interrupted-after-save' },
    });
    // Another worker's job is not released.
    const other = await running('w4', false);
    expect(await store.jobs.release(other, 'w3', later)).toBe(false);
  });

  /** The job's row as PostgreSQL stores it, every column as text (bytea as hex). */
  async function rawRow(id: string): Promise<string> {
    const r = await sql<{ row: string }>`select row_to_json(j)::text as row from jobs j
      where id = ${id}`.execute(store.db);
    return r.rows[0]!.row;
  }

  async function sealedColumns(id: string) {
    return store.db
      .selectFrom('jobs')
      .select(['params', 'input_sealed', 'input_key', 'sealed_input'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  it('keeps a sealed input encrypted, re-wrapped by a rotation, and removes it when the job ends', async () => {
    const registrar = { name: 'api:registrar', role: 'registrar' };
    const file = 'case_id,first_name,surname\nH-9,Zainab,Qasimiyyatoun\n';
    const input = { name: 'roster.csv', content: Buffer.from(file).toString('base64') };
    const job = await store.jobs.create({ kind: 'import', params: input, sealed: true }, registrar);
    expect(job).toMatchObject({ params: {}, inputSealed: true, status: 'queued' });
    expect(await store.jobs.get(job.id)).toMatchObject({ params: {}, inputSealed: true });
    expect((await store.jobs.list()).find((j) => j.id === job.id)?.params).toEqual({});
    const row = await rawRow(job.id);
    expect(row).toContain('"input_sealed":true');
    for (const needle of ['Qasimiyyatoun', input.content.slice(12, 40), 'roster.csv'])
      expect(row).not.toContain(needle);
    const before = await sealedColumns(job.id);
    expect(before.params).toEqual({});
    expect(await store.jobs.openInput(job.id)).toEqual(input);

    // A rotation re-wraps its key: the job still runs, the copy under the old generation (as a
    // dead row or the write-ahead log keeps it) opens no more.
    const rotation = await store.keys.rotate();
    expect(rotation.rewrapped).toBeGreaterThanOrEqual(1);
    expect(await store.jobs.openInput(job.id)).toEqual(input);
    const master = Buffer.from(testEnv.CORRIDOR_MASTER_KEY!, 'base64');
    const attacker = new Vault(master, (await store.keys.status()).keyDir);
    expect(() => attacker.unwrapRecordKey('job-input', job.id, before.input_key!)).toThrow(
      /missing|destroyed/,
    );
    const after = await sealedColumns(job.id);
    expect(Buffer.from(after.input_key!).equals(Buffer.from(before.input_key!))).toBe(false);
    expect(attacker.unwrapRecordKey('job-input', job.id, after.input_key!)).toHaveLength(32);

    // Done, failed or cancelled: the sealed input is gone from the row.
    expect(await store.jobs.claim(job.id, 'w5', t0)).toMatchObject({ params: {} });
    expect(
      await store.jobs.finish(
        job.id,
        'w5',
        { status: 'failed', error: { id: 'x', message: 'x' } },
        later,
      ),
    ).toBe(true);
    expect(await sealedColumns(job.id)).toMatchObject({ input_key: null, sealed_input: null });
    await expect(store.jobs.openInput(job.id)).rejects.toThrow(/removed/);
    const cancelled = await store.jobs.create(
      { kind: 'import', params: input, sealed: true },
      registrar,
    );
    await store.jobs.cancel(cancelled.id, registrar, later);
    expect(await sealedColumns(cancelled.id)).toMatchObject({
      input_key: null,
      sealed_input: null,
    });
    const interrupted = await store.jobs.create(
      { kind: 'import', params: input, sealed: true },
      registrar,
    );
    await store.jobs.claim(interrupted.id, 'w6', t0);
    expect((await store.jobs.recover(later, 1, later)).failed).toContain(interrupted.id);
    expect(await sealedColumns(interrupted.id)).toMatchObject({
      input_key: null,
      sealed_input: null,
    });
    // A job that was not sealed keeps its input as given.
    const plain = await store.jobs.create({ kind: 'allocate', params: { timeLimit: 5 } }, planner);
    expect(plain).toMatchObject({ params: { timeLimit: 5 }, inputSealed: false });
    expect(await store.jobs.openInput(plain.id)).toEqual({ timeLimit: 5 });
  });
});

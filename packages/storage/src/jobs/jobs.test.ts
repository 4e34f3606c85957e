import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

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
});

/**
 * The schedule's actor (`system:retention`) runs the retention job and nothing else: a job of
 * another kind recorded under a `system:` name (by anyone who can write the jobs table) is refused.
 */
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { expect, it } from 'vitest';
import { executeJob } from './execute-job.js';

const settings = {
  worker: 'test',
  heartbeatMs: 200,
  clock: () => new Date(),
  onUnexpected: () => undefined,
};

it('runs a scheduled kind as the system, and refuses any other kind under a system name', async () => {
  const { store, close } = await backends[0]!.fresh();
  try {
    await store.registry.createOperation(generateDemo({ people: 20, seed: 3 }), {
      name: 'test-seed',
      role: 'admin',
    });
    const stop = new AbortController().signal;
    const run = async (kind: string, name: string) => {
      const job = await store.jobs.create({ kind, params: {} }, { name, role: 'admin' });
      expect(await executeJob(store, job.id, settings, stop)).toBeDefined();
      return (await store.jobs.get(job.id))!;
    };
    expect(await run('retention', 'system:retention')).toMatchObject({ status: 'succeeded' });
    for (const [kind, name] of [
      ['allocate', 'system:allocate'],
      ['allocate', 'system:retention'],
      ['retention', 'system:admin'],
    ] as const)
      expect(await run(kind, name), `${kind} as ${name}`).toMatchObject({
        status: 'failed',
        error: { id: 'forbidden' },
      });
    expect(await store.retention.reports(10)).toHaveLength(1);
  } finally {
    await close();
  }
});

import { generateDemo, generateDemoMovements } from '@corridor/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store.js';
import { backends } from './test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 60, seed: 5 });
const movements = generateDemoMovements(demo.destinations, demo.pledges);

describe.each(backends)('several writes as one on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
    await store.movements.add(movements, admin);
  });
  afterAll(async () => close());

  const plan = (basedOn: number | null) => ({
    kind: 'timetable' as const,
    params: {},
    summary: {},
    basedOn,
    assignments: [],
  });

  it('keeps every write when the work succeeds', async () => {
    const audit = (await store.audit.verify()).events;
    const saved = await store.atomically(async (tx) => {
      await tx.movements.update(movements[0]!.id, { seats: 10 }, undefined, admin);
      return tx.plans.save(plan(null), admin);
    });
    expect((await store.movements.get(movements[0]!.id))!.seats).toBe(10);
    expect((await store.plans.current('timetable'))!.id).toBe(saved.id);
    expect(await store.audit.verify()).toMatchObject({ ok: true, events: audit + 2 });
  });

  it('keeps none of them when a later write is refused', async () => {
    const before = await store.movements.get(movements[1]!.id);
    const current = (await store.plans.current('timetable'))!;
    const audit = (await store.audit.verify()).events;
    await expect(
      store.atomically(async (tx) => {
        await tx.movements.update(movements[1]!.id, { status: 'cancelled' }, undefined, admin);
        // A stale base: the plan save is refused after the movement was written.
        await tx.plans.save(plan(current.id - 1), admin);
      }),
    ).rejects.toMatchObject({ id: 'plan-changed' });
    expect(await store.movements.get(movements[1]!.id)).toEqual(before);
    expect((await store.plans.current('timetable'))!.id).toBe(current.id);
    expect(await store.audit.verify()).toMatchObject({ ok: true, events: audit });
  });
});

import { generateDemo, generateDemoGroundCapacity, generateDemoMovements } from '@corridor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 120, seed: 3 });
const movements = generateDemoMovements(demo.destinations, demo.pledges);

describe.each(backends)('movements on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
  });
  afterEach(async () => close());

  it('stores movements and reads them back in local time', async () => {
    await store.movements.add(movements, admin);
    const list = await store.movements.list();
    expect(list).toHaveLength(movements.length);
    const last = list.at(-1)!;
    expect(last).toMatchObject({
      departAt: '2031-06-30T05:00:00+03:00',
      status: 'planned',
      version: 1,
    });
    expect(last.seats).toBe(movements.at(-1)?.seats);
    await store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), admin);
    await expect(
      store.movements.setGroundCapacity(
        [{ day: '2031-02-30' as never, persons: -1, vehicles: 2, hours: '6-14' }],
        admin,
      ),
    ).rejects.toThrow(/ground capacity not set: day 2031-02-30: day .*; .*persons.*; .*hours/);
    expect((await store.movements.groundCapacity())[0]).toMatchObject({
      persons: 300,
      hours: '06:00-14:00',
    });
  });

  it('updates with optimistic versions and refuses stale or bad changes', async () => {
    await store.movements.add(movements, admin);
    const m = await store.movements.update('M-001', { seats: 40 }, 1, admin);
    expect(m).toMatchObject({ seats: 40, version: 2 });
    await expect(store.movements.update('M-001', { seats: 30 }, 1, admin)).rejects.toThrow(
      /changed since you read it/,
    );
    await expect(
      store.movements.update('M-404', { status: 'cancelled' }, undefined, admin),
    ).rejects.toThrow(/not found/);
    expect((await store.movements.get('M-001'))?.seats).toBe(40);
  });
});

import { generateDemo, generateDemoGroundCapacity, generateDemoMovements } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 120, seed: 3 });
const movements = generateDemoMovements(demo.destinations, demo.pledges);
const now = new Date('2026-12-01T00:00:00Z');

describe.each(backends)('movements on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
  });
  afterEach(async () => close());

  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from movements`.execute(store.db)).rows[0]
        ?.n,
    );

  it('stores movements and reads them back in local time', async () => {
    await store.movements.add(movements, admin, now);
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

  it('refuses bad movements, naming each, and writes none of them', async () => {
    const good = movements[0]!;
    const bad = [
      { ...good, id: 'M-P', departAt: '2020-05-01T10:00:00+03:00' },
      { ...good, id: 'M-N', seats: -3 },
      { ...good, id: 'M-D', destinationId: 'ATL' },
      { ...good, id: 'M-T', departAt: '2031-05-01 10:00' },
      good,
      { ...good },
    ];
    const error = await store.movements.add(bad, admin, now).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/M-P: departAt 2020-05-01T10:00:00\+03:00 is in the past/);
    expect(message).toMatch(/M-N: seats/);
    expect(message).toMatch(/M-D: destinationId ATL is not a destination/);
    expect(message).toMatch(/M-T: departAt must be an ISO 8601 date-time/);
    expect(message).toMatch(/M-001: id is already used/);
    expect(await count()).toBe(0);
  });

  it('updates with optimistic versions and refuses stale or bad changes', async () => {
    await store.movements.add(movements, admin, now);
    const m = await store.movements.update('M-001', { seats: 40 }, 1, admin);
    expect(m).toMatchObject({ seats: 40, version: 2 });
    await expect(store.movements.update('M-001', { seats: 30 }, 1, admin)).rejects.toThrow(
      /changed since you read it/,
    );
    await expect(store.movements.update('M-001', { seats: -1 }, undefined, admin)).rejects.toThrow(
      /seats/,
    );
    await expect(
      store.movements.update('M-404', { status: 'cancelled' }, undefined, admin),
    ).rejects.toThrow(/not found/);
    expect((await store.movements.get('M-001'))?.seats).toBe(40);
  });
});

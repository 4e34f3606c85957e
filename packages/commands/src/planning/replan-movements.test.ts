/**
 * A re-plan's disruptions announce themselves: a cancelled movement is `movement.cancelled`, a
 * smaller one `movement.changed`, queued with the re-plan's writes and gone if it rolls back.
 */
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToMovements } from './replan-movements.js';

const admin = { name: 'test', role: 'admin' };
const movement = (id: string) => ({
  id,
  kind: 'charter' as const,
  origin: 'BGW',
  destinationId: null,
  arrivalAirport: null,
  departAt: '2031-06-30T05:00:00+03:00',
  timezone: 'Asia/Baghdad',
  seats: 100,
  baggageKg: 2300,
  status: 'confirmed' as const,
});

describe.each(backends)('re-plan movement events on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
    await store.movements.add([movement('M-A'), movement('M-B')], admin);
    await store.webhooks.add(
      {
        id: 'wh-m',
        url: 'http://127.0.0.1:9/hook',
        events: ['movement.cancelled', 'movement.changed'],
        secret: `whsec_${Buffer.alloc(32, 4).toString('base64')}`,
      },
      admin,
    );
  });
  afterAll(async () => close());

  const bodies = async () =>
    (
      await store.db
        .selectFrom('webhook_deliveries')
        .select('payload')
        .orderBy('created_at')
        .execute()
    ).map((r) => JSON.parse(r.payload) as { type: string; data: Record<string, unknown> });

  it('queues nothing when the re-plan rolls back', async () => {
    await expect(
      store.atomically(async (tx) => {
        await applyToMovements(tx, admin, [{ type: 'cancel-movement', movement: 'M-A' }]);
        throw new Error('the plan could not be saved');
      }),
    ).rejects.toThrow(/could not be saved/);
    expect(await bodies()).toEqual([]);
    expect((await store.movements.get('M-A'))?.status).toBe('confirmed');
  });

  it('queues movement.cancelled and movement.changed with the re-plan’s writes', async () => {
    await store.atomically((tx) =>
      applyToMovements(tx, admin, [
        { type: 'cancel-movement', movement: 'M-A' },
        { type: 'reduce-seats', movement: 'M-B', seats: 60 },
      ]),
    );
    const sent = await bodies();
    expect(sent.map((b) => b.type).sort()).toEqual(['movement.cancelled', 'movement.changed']);
    expect(sent.find((b) => b.type === 'movement.cancelled')!.data).toMatchObject({
      movementId: 'M-A',
      status: 'cancelled',
      previousStatus: 'confirmed',
      changed: ['status'],
    });
    expect(sent.find((b) => b.type === 'movement.changed')!.data).toMatchObject({
      movementId: 'M-B',
      status: 'confirmed',
      seats: 60,
      changed: ['seats'],
    });
  });
});

/**
 * `emit` is an outbox: an event is queued for the webhooks subscribed to it, in the command's
 * transaction, so it exists if and only if the write commits; its data is only the fields its
 * schema declares, none of them personal.
 */
import { readFileSync } from 'node:fs';
import { personFields, webhookEventData, webhookEventTypes } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit } from './emit.js';

const admin = { name: 'test', role: 'admin' };
const secret = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const data = {
  caseId: 'C-1',
  from: 'verified' as const,
  to: 'referred' as const,
  at: '2031-01-01T00:00:00.000Z',
  movementId: null,
};

describe.each(backends)('emit on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
    const hook = { url: 'http://127.0.0.1:9/hook', secret };
    await store.webhooks.add({ ...hook, id: 'wh-case', events: ['case.status-changed'] }, admin);
    await store.webhooks.add({ ...hook, id: 'wh-plan', events: ['plan.published'] }, admin);
  });
  afterAll(async () => close());

  const queued = async (id: string) => store.webhooks.deliveries({ webhookId: id });
  const bodyOf = async (deliveryId: string) =>
    (
      await store.db
        .selectFrom('webhook_deliveries')
        .select('payload')
        .where('id', '=', deliveryId)
        .executeTakeFirstOrThrow()
    ).payload;

  it('refuses to queue outside a transaction', async () => {
    await expect(emit({ store }, 'case.status-changed', data)).rejects.toThrow(/transaction/);
    expect(await queued('wh-case')).toEqual([]);
  });

  it('queues nothing when the transaction rolls back', async () => {
    await expect(
      store.atomically(async (tx) => {
        expect(await emit({ store: tx }, 'case.status-changed', data)).toBe(1);
        throw new Error('the command failed after emitting');
      }),
    ).rejects.toThrow(/failed after emitting/);
    expect(await queued('wh-case')).toEqual([]);
  });

  it('queues one delivery per subscribed webhook when it commits, the body in the standard shape', async () => {
    const now = new Date('2031-02-03T04:05:06.000Z');
    // A field the schema does not declare (a name, here) never reaches the body.
    const leaky = { ...data, givenName: 'Leila' } as typeof data;
    await store.atomically((tx) => emit({ store: tx, now }, 'case.status-changed', leaky));
    const [delivery] = await queued('wh-case');
    expect(delivery).toMatchObject({ eventType: 'case.status-changed', status: 'pending' });
    expect(JSON.parse(await bodyOf(delivery!.id))).toEqual({
      type: 'case.status-changed',
      timestamp: now.toISOString(),
      data,
    });
    expect(await queued('wh-plan')).toEqual([]);
  });

  it('refuses data that does not fit the event’s schema, queuing nothing', async () => {
    const before = (await queued('wh-case')).length;
    await expect(
      store.atomically((tx) =>
        emit({ store: tx }, 'case.status-changed', { ...data, to: 'nowhere' as 'referred' }),
      ),
    ).rejects.toThrow();
    expect(await queued('wh-case')).toHaveLength(before);
  });
});

describe('event data schemas', () => {
  it('declare every event type and no personal field', () => {
    expect(Object.keys(webhookEventData).sort()).toEqual([...webhookEventTypes].sort());
    const personal = [...personFields, 'givenName', 'familyName', 'reason', 'note', 'number'];
    for (const type of webhookEventTypes) {
      const fields = Object.keys(webhookEventData[type].shape);
      expect(
        fields.filter((f) => personal.includes(f)),
        type,
      ).toEqual([]);
    }
  });

  it('are each listed in docs/webhooks.md with every data field', () => {
    const docs = readFileSync(new URL('../../../../docs/webhooks.md', import.meta.url), 'utf8');
    const movementFields = docs.slice(docs.indexOf('Movement fields:'));
    for (const type of webhookEventTypes) {
      const start = docs.indexOf(`- \`${type}\`:`);
      expect(start, type).toBeGreaterThan(-1);
      const entry = docs.slice(start, docs.indexOf('\n- ', start + 1));
      const text = type.startsWith('movement.') ? movementFields : entry;
      for (const field of Object.keys(webhookEventData[type].shape))
        expect(text, `${type}: ${field}`).toContain(`\`${field}\``);
    }
  });
});

/** Fixtures for the webhook commands: a receiver address where nothing listens (sends fail fast). */
import { seeder, type FixtureGroup } from './fixture.js';

const url = 'http://127.0.0.1:9/hook';
const secret = `whsec_${Buffer.alloc(32, 4).toString('base64')}`;
const deliveries = new Map<string, string>();

/** The webhook commands' fixtures. */
export const webhookFixtures: FixtureGroup = {
  setup: async (store) => {
    await store.webhooks.add({ id: 'WH-BASE', url, events: ['plan.published'], secret }, seeder);
  },
  fixtures: {
    'webhook.add': {
      cli: (k) => ['webhook', 'add', '--url', url, '--events', 'plan.published', '--id', `WH-${k}`],
      api: (k) => ({
        method: 'POST',
        url: '/api/webhooks',
        payload: { id: `WH-${k}`, url, events: ['plan.published'] },
      }),
    },
    'webhook.remove': {
      prepare: async (store, k) => {
        await store.webhooks.add(
          { id: `WH-RM-${k}`, url, events: ['plan.published'], secret },
          seeder,
        );
      },
      cli: (k) => ['webhook', 'remove', `WH-RM-${k}`],
      api: (k) => ({ method: 'DELETE', url: `/api/webhooks/WH-RM-${k}`, payload: {} }),
    },
    'webhook.ping': {
      cli: () => ['webhook', 'ping', 'WH-BASE'],
      api: () => ({ method: 'POST', url: '/api/webhooks/WH-BASE/ping', payload: {} }),
    },
    'webhook.replay': {
      prepare: async (store, k) => {
        deliveries.set(k, (await store.webhooks.ping('WH-BASE', { k }, seeder)).id);
      },
      cli: (k) => ['webhook', 'replay', deliveries.get(k)!],
      api: (k) => ({
        method: 'POST',
        url: `/api/webhooks/deliveries/${deliveries.get(k)}/replay`,
        payload: {},
      }),
    },
  },
};

/** `webhook.ping`: queues a signed test delivery to one receiver. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { DeliveryOut } from './schemas.js';

/** Queues a `webhook.ping` event for one subscription; it is sent within a second or so. */
export const pingWebhook = defineCommand({
  name: 'webhook.ping',
  summary: 'Send a signed test delivery (webhook.ping) to one receiver',
  input: z.object({ id: IdSchema.describe('the subscription') }),
  output: DeliveryOut,
  permission: 'webhook.manage',
  audit: 'webhook.ping',
  run: ({ store, actor, now }, { id }) =>
    store.webhooks.ping(id, { webhook: id, sentBy: actor.name, at: now.toISOString() }, actor),
});

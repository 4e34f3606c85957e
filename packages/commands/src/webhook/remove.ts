/** `webhook.remove`: ends a subscription; its pending deliveries go with it. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Removes a subscription. */
export const removeWebhook = defineCommand({
  name: 'webhook.remove',
  summary: 'Remove a subscription and its pending deliveries',
  input: z.object({ id: IdSchema.describe('the subscription') }),
  output: z.object({ removed: z.string() }),
  permission: 'webhook.manage',
  audit: 'webhook.remove',
  async run({ store, actor }, { id }) {
    await store.webhooks.remove(id, actor);
    return { removed: id };
  },
});

/** `webhook.replay`: sends a delivery again, with the same webhook-id so receivers can dedupe. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { DeliveryOut } from './schemas.js';

/** Queues one delivery again, due now. */
export const replayDelivery = defineCommand({
  name: 'webhook.replay',
  summary: 'Send a delivery again (same webhook-id), due now',
  input: z.object({ delivery: IdSchema.describe('the delivery') }),
  output: DeliveryOut,
  permission: 'webhook.manage',
  audit: 'webhook.replay',
  run: ({ store, actor }, { delivery }) => store.webhooks.replay(delivery, actor),
});

/** `webhook.deliveries`: the delivery log, newest first. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { DeliveryOut } from './schemas.js';

/** Deliveries of one subscription or of all, with their attempts and last answer. */
export const listDeliveries = defineCommand({
  name: 'webhook.deliveries',
  summary: 'The delivery log: attempts, last answer, next retry (newest first)',
  input: z.object({
    webhook: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
  output: z.array(DeliveryOut),
  permission: 'webhook.read',
  audit: null,
  run: ({ store }, { webhook, limit }) =>
    store.webhooks.deliveries({ ...(webhook ? { webhookId: webhook } : {}), limit }),
});

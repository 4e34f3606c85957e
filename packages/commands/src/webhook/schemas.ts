/** Output shapes of the webhook commands, shared by the API and the CLI's `--json`. */
import { z } from 'zod';

/** A subscription as listed (its secret is shown once, when it is added). */
export const WebhookOut = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** One delivery and where it stands. */
export const DeliveryOut = z.object({
  id: z.string(),
  webhookId: z.string(),
  msgId: z.string().describe('the webhook-id header: the same on every attempt and on replay'),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

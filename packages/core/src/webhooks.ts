/** Events pushed to partners' systems (host states, carriers, agencies), named `resource.event`. */
import { z } from 'zod';

/** Event types a webhook may subscribe to. */
export const webhookEventTypes = [
  'movement.confirmed',
  'movement.changed',
  'movement.cancelled',
  'case.status-changed',
  'plan.published',
  'checkin.recorded',
  'arrival.confirmed',
] as const;
/** One subscribable event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** The test event `webhook ping` sends to one webhook. */
export const webhookPingEvent = 'webhook.ping';

/** A receiver's URL: http(s), no user name or password in it (send secrets in the signature). */
export const WebhookUrlSchema = z
  .string()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http or https URL without a user name or password' },
  );

/** A new subscription. */
export const WebhookInputSchema = z.object({
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      'must be 1–64 letters, digits, dots, dashes or underscores',
    )
    .optional(),
  url: WebhookUrlSchema,
  events: z.array(z.enum(webhookEventTypes)).min(1, 'name at least one event type'),
});

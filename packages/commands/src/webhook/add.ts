/** `webhook.add`: subscribes a receiver to event types; answers its signing secret, once. */
import { randomBytes, randomUUID } from 'node:crypto';
import { errors, WebhookInputSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { newWebhookSecret } from './deliver.js';
import { WebhookOut } from './schemas.js';

/** Adds a subscription; the receiver verifies deliveries with the secret this answers. */
export const addWebhook = defineCommand({
  name: 'webhook.add',
  summary: 'Subscribe a receiver to events; the answer holds its signing secret (shown once)',
  input: WebhookInputSchema,
  output: WebhookOut.extend({
    secret: z.string().describe('whsec_…: verify the webhook-signature header with it'),
  }),
  permission: 'webhook.manage',
  audit: 'webhook.add',
  async run({ store, actor, origins }, input) {
    const url = new URL(input.url);
    // `http://host:80` and `http://host` are one origin: compare them as URLs say them.
    if ((origins ?? []).some((o) => new URL(o).origin === url.origin))
      throw errors.invalidInput(`url: must not point to this server itself (${url.origin})`);
    const secret = newWebhookSecret(randomBytes);
    const id = input.id ?? `wh_${randomUUID().slice(0, 8)}`;
    const hook = await store.webhooks.add(
      { id, url: input.url, events: input.events, secret },
      actor,
    );
    return { ...hook, secret };
  },
});

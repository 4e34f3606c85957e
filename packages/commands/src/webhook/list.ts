/** `webhook.list`: the subscriptions, without their secrets. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { WebhookOut } from './schemas.js';

/** Every subscription. */
export const listWebhooks = defineCommand({
  name: 'webhook.list',
  summary: 'The webhook subscriptions (never their secrets)',
  input: z.object({}),
  output: z.array(WebhookOut),
  permission: 'webhook.read',
  audit: null,
  run: ({ store }) => store.webhooks.list(),
});

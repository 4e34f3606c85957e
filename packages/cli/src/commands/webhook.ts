/** `corridor webhook add|list|remove|ping|deliveries|replay`: signed event deliveries to partners. */
import {
  addWebhook,
  deliverDue,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  removeWebhook,
  replayDelivery,
} from '@corridor/commands';
import { webhookEventTypes } from '@corridor/core';
import type { WebhookDelivery, Webhook } from '@corridor/storage';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;

function deliveryText(d: WebhookDelivery): string {
  const answer = d.lastStatus === null ? '' : ` (HTTP ${d.lastStatus})`;
  if (d.status === 'delivered') return `delivery ${d.id} (${d.msgId}) delivered${answer}`;
  if (d.status === 'failed') return `delivery ${d.id} failed for good: ${d.lastError}`;
  return d.attempts === 0
    ? `delivery ${d.id} (${d.msgId}) queued`
    : `delivery ${d.id} not delivered: ${d.lastError}${answer}; next attempt at ${d.nextAttemptAt}`;
}

/** Sends what is due now from this process, then reads the delivery again to report it. */
async function sendNow(store: Parameters<typeof deliverDue>[0], d: WebhookDelivery) {
  await deliverDue(store);
  const [after] = await store.webhooks.deliveries({ id: d.id });
  return after ?? d;
}

/** Registers `corridor webhook`. */
export function registerWebhook(program: Command): void {
  const webhook = program
    .command('webhook')
    .description('signed event deliveries to partners’ systems (Standard Webhooks)');

  bindCli<Webhook & { secret: string }>(
    webhook
      .command('add')
      .description('subscribe a receiver; prints its signing secret once (whsec_…)')
      .requiredOption('--url <url>', 'the receiver, http(s)')
      .requiredOption('--events <types>', `comma-separated: ${webhookEventTypes.join(', ')}`)
      .option('--id <id>', 'an id of your choice (default: generated)')
      .option('--json', 'print JSON'),
    addWebhook,
    (_args, o: Options) => ({
      url: String(o.url),
      events: String(o.events)
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
      ...(o.id ? { id: String(o.id) } : {}),
    }),
    (h) =>
      `webhook ${h.id} added for ${h.events.join(', ')}\nsigning secret (shown once): ${h.secret}`,
  );

  bindCli<Webhook[]>(
    webhook.command('list').description('the subscriptions').option('--json', 'print JSON'),
    listWebhooks,
    () => ({}),
    (hooks) =>
      hooks.length === 0
        ? 'no webhooks'
        : table(
            ['id', 'url', 'events', 'created', 'by'],
            hooks.map((h) => [
              h.id,
              h.url,
              h.events.join(','),
              h.createdAt.slice(0, 19),
              h.createdBy,
            ]),
          ),
  );

  bindCli<{ removed: string }>(
    webhook.command('remove <id>').description('end a subscription').option('--json', 'print JSON'),
    removeWebhook,
    ([id]) => ({ id }),
    (r) => `webhook ${r.removed} removed`,
  );

  bindCli<WebhookDelivery>(
    webhook
      .command('ping <id>')
      .description('send a signed test delivery now (with --server: queued on the server)')
      .option('--json', 'print JSON'),
    pingWebhook,
    ([id]) => ({ id }),
    deliveryText,
    { afterLocal: sendNow },
  );

  bindCli<WebhookDelivery[]>(
    webhook
      .command('deliveries')
      .description('the delivery log, newest first')
      .option('--webhook <id>', 'one subscription only')
      .option('--limit <n>', 'how many', '100')
      .option('--json', 'print JSON'),
    listDeliveries,
    (_args, o: Options) => ({
      ...(o.webhook ? { webhook: String(o.webhook) } : {}),
      limit: Number(o.limit),
    }),
    (ds) =>
      ds.length === 0
        ? 'no deliveries'
        : table(
            ['delivery', 'webhook', 'event', 'status', 'attempts', 'last answer', 'next attempt'],
            ds.map((d) => [
              d.id,
              d.webhookId,
              d.eventType,
              d.status,
              d.attempts,
              d.lastStatus ?? d.lastError ?? '',
              d.nextAttemptAt ?? '',
            ]),
          ),
  );

  bindCli<WebhookDelivery>(
    webhook
      .command('replay <delivery>')
      .description('send a delivery again, with the same webhook-id')
      .option('--json', 'print JSON'),
    replayDelivery,
    ([delivery]) => ({ delivery }),
    deliveryText,
    { afterLocal: sendNow },
  );
}

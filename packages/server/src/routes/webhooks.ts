/** Webhook subscriptions and their delivery log over HTTP: each route binds one command. */
import {
  addWebhook,
  listDeliveries,
  listWebhooks,
  pingWebhook,
  removeWebhook,
  replayDelivery,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'webhooks';

/** `GET /api/webhooks`: every subscription (no secrets). */
export const listWebhooksRoute = bindCommand('GET /api/webhooks', listWebhooks, { tag });

/** `POST /api/webhooks`: `{url, events}` answers `{id, secret, …}`. */
export const addWebhookRoute = bindCommand('POST /api/webhooks', addWebhook, {
  tag,
  description:
    'Deliveries are signed as Standard Webhooks specifies: verify `webhook-signature` over ' +
    '`webhook-id`, `webhook-timestamp` and the body with the `whsec_` secret answered here (once).',
});

/** `DELETE /api/webhooks/:id`: ends a subscription. */
export const removeWebhookRoute = bindCommand('DELETE /api/webhooks/:id', removeWebhook, {
  tag,
  params: { id: 'id' },
  status: 200,
});

/** `POST /api/webhooks/:id/ping`: queues a signed test delivery. */
export const pingWebhookRoute = bindCommand('POST /api/webhooks/:id/ping', pingWebhook, {
  tag,
  params: { id: 'id' },
  status: 202,
});

/** `GET /api/webhooks/deliveries`: the delivery log. */
export const webhookDeliveriesRoute = bindCommand('GET /api/webhooks/deliveries', listDeliveries, {
  tag,
});

/** `POST /api/webhooks/deliveries/:id/replay`: sends a delivery again with the same id. */
export const replayDeliveryRoute = bindCommand(
  'POST /api/webhooks/deliveries/:id/replay',
  replayDelivery,
  { tag, params: { id: 'delivery' }, status: 202 },
);

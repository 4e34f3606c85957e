/** Webhooks: subscriptions of partners' systems and their signed deliveries. */
import type { AnyCommand } from '../define.js';
import { addWebhook } from './add.js';
import { listDeliveries } from './deliveries.js';
import { listWebhooks } from './list.js';
import { pingWebhook } from './ping.js';
import { removeWebhook } from './remove.js';
import { replayDelivery } from './replay.js';

export { addWebhook, listDeliveries, listWebhooks, pingWebhook, removeWebhook, replayDelivery };
export { defaultDeliveryOptions, deliverDue, retryAt, type DeliveryOptions } from './deliver.js';
export { emit, type EmitContext } from './emit.js';

/** Every webhook command, for the command table. */
export const webhookCommands = [
  listWebhooks,
  addWebhook,
  removeWebhook,
  pingWebhook,
  listDeliveries,
  replayDelivery,
] as unknown as readonly AnyCommand[];

/** Sends due webhook deliveries from this server process, one pass at a time, until it closes. */
import { deliverDue } from '@corridor/commands';
import type { Store } from '@corridor/storage';
import type { ServerOptions } from './options.js';
import { startPeriodic, type Periodic } from './periodic.js';

/** Polls the delivery queue every `webhookPollMs`; passes never overlap; stop waits for the last. */
export function startWebhookWorker(store: Store, o: Required<ServerOptions>): Periodic {
  return startPeriodic(() => deliverDue(store, { timeoutMs: o.webhookTimeoutMs }, o.clock), {
    everyMs: o.webhookPollMs,
    log: o.log,
    failure: { webhooks: 'delivery pass failed' },
  });
}

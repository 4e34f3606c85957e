/** Sends due webhook deliveries from this server process, one pass at a time, until it closes. */
import { deliverDue } from '@corridor/commands';
import type { Store } from '@corridor/storage';
import { describeError, writeLog } from './log.js';
import type { ServerOptions } from './options.js';

/** Polls the delivery queue every `webhookPollMs`; passes never overlap; stop waits for the last. */
export function startWebhookWorker(
  store: Store,
  o: Required<ServerOptions>,
): { stop(): Promise<void> } {
  if (o.webhookPollMs <= 0) return { stop: async () => undefined };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      await deliverDue(store, { timeoutMs: o.webhookTimeoutMs }, o.clock).catch((error: unknown) =>
        writeLog(o.log, {
          level: 'error',
          webhooks: 'delivery pass failed',
          error: describeError(error),
        }),
      );
    });
  }, o.webhookPollMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

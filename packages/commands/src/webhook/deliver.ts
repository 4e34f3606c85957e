/**
 * Sends due webhook deliveries, signed as Standard Webhooks specifies (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature: v1,…` over id, timestamp and body), with a timeout so a
 * receiver that hangs holds nothing, and retries with exponential backoff and jitter.
 */
import type { Store } from '@corridor/storage';
import { Webhook } from 'standardwebhooks';

/** How deliveries are sent and retried. */
export interface DeliveryOptions {
  /** How long one attempt may take before it counts as failed. */
  timeoutMs: number;
  /** Seconds before each retry (the last one is repeated up to `maxAttempts`); jitter ±20%. */
  backoffSeconds: readonly number[];
  maxAttempts: number;
  /** Deliveries claimed per pass. */
  batch: number;
  random: () => number;
}

/** The defaults: first retry after about 5 s, then 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h. */
export const defaultDeliveryOptions: DeliveryOptions = {
  timeoutMs: 10_000,
  backoffSeconds: [5, 30, 120, 600, 1800, 3600, 10_800, 21_600],
  maxAttempts: 9,
  batch: 20,
  random: Math.random,
};

/** When to try again after attempt number `attempt` failed, or null when it was the last. */
export function retryAt(attempt: number, now: Date, o: DeliveryOptions): Date | null {
  if (attempt >= o.maxAttempts) return null;
  const base = o.backoffSeconds[Math.min(attempt - 1, o.backoffSeconds.length - 1)]!;
  const jitter = 1 + (o.random() * 0.4 - 0.2);
  return new Date(now.getTime() + base * jitter * 1000);
}

/** A new signing secret in the standard's form. */
export function newWebhookSecret(randomBytes: (n: number) => Buffer): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** What one pass did. */
export interface DeliveryPass {
  attempted: number;
  delivered: number;
  failed: number;
}

/** Claims the deliveries due now and sends each once; returns what happened. */
export async function deliverDue(
  store: Store,
  options: Partial<DeliveryOptions> = {},
  clock: () => Date = () => new Date(),
): Promise<DeliveryPass> {
  const o = { ...defaultDeliveryOptions, ...options };
  const now = clock();
  // A claimed delivery is leased past the timeout: a process that dies mid-send leaves it due again.
  const lease = new Date(now.getTime() + o.timeoutMs + 30_000);
  const due = await store.webhooks.claimDue(now, lease, o.batch);
  const pass: DeliveryPass = { attempted: due.length, delivered: 0, failed: 0 };
  await Promise.all(
    due.map(async (d) => {
      const sentAt = clock();
      let status: number | null = null;
      let error: string | null = null;
      try {
        const response = await fetch(d.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Corridor-Webhooks/1',
            'webhook-id': d.msgId,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': new Webhook(d.secret).sign(d.msgId, sentAt, d.payload),
          },
          body: d.payload,
        });
        status = response.status;
        await response.body?.cancel();
        if (status < 200 || status >= 300) error = `the receiver answered ${status}`;
      } catch (e) {
        const name = (e as Error).name;
        error =
          name === 'TimeoutError'
            ? `no answer within ${o.timeoutMs} ms`
            : `cannot reach the receiver: ${(e as Error).message}`;
      }
      const ok = error === null;
      const done = clock();
      await store.webhooks.recordAttempt(
        d.id,
        { ok, status, error, retryAt: ok ? null : retryAt(d.attempts + 1, done, o) },
        done,
      );
      if (ok) pass.delivered++;
      else pass.failed++;
    }),
  );
  return pass;
}

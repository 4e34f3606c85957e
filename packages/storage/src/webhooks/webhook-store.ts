/** The webhooks capability: subscriptions and a durable queue of signed deliveries with a log. */
import type { Actor } from '../audit/audit-store.js';

/** A subscription as listed (never with its secret). */
export interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  createdBy: string;
}

/** Where one delivery stands. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  /** The `webhook-id` header: the same on every attempt and on a replay, for receivers to dedupe. */
  msgId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A delivery claimed for sending, with what signing and sending need. */
export interface DueDelivery extends WebhookDelivery {
  url: string;
  secret: string;
  payload: string;
}

/** Subscriptions and their deliveries. */
export interface WebhookStore {
  add(
    hook: { id: string; url: string; events: string[]; secret: string },
    actor: Actor,
  ): Promise<Webhook>;
  list(): Promise<Webhook[]>;
  remove(id: string, actor: Actor): Promise<void>;
  /**
   * Queues `payload` for every webhook subscribed to `eventType` (or for `webhookId` alone), in the
   * caller's transaction: the event and its deliveries are kept together or not at all. `at` is
   * the body's `timestamp` (default: now).
   */
  enqueue(
    eventType: string,
    payload: unknown,
    options?: { webhookId?: string; at?: Date },
  ): Promise<WebhookDelivery[]>;
  /** Queues a test event for one webhook, audited as `webhook.ping`. */
  ping(id: string, payload: unknown, actor: Actor): Promise<WebhookDelivery>;
  /** Claims up to `limit` deliveries due at `now`, pushing their next attempt to `leaseUntil`. */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]>;
  /** Records an attempt: delivered, or failed with when to try again (null: give up). */
  recordAttempt(
    id: string,
    outcome: { ok: boolean; status: number | null; error: string | null; retryAt: Date | null },
    now: Date,
  ): Promise<void>;
  /** The newest deliveries first: of one webhook, or the one with `id`. */
  deliveries(filter: {
    webhookId?: string;
    id?: string;
    limit?: number;
  }): Promise<WebhookDelivery[]>;
  /** Queues a delivery again with the same `msgId`, due now. */
  replay(id: string, actor: Actor): Promise<WebhookDelivery>;
}

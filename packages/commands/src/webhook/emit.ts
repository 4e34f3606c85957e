/**
 * The one way a command tells partners' systems what happened: an event queued for every webhook
 * subscribed to its type, inside the command's own transaction (an outbox), so the event is sent
 * if and only if the command's writes commit.
 */
import { webhookEventData, type WebhookEventData, type WebhookEventType } from '@corridor/core';
import type { Store } from '@corridor/storage';

/** Where an event is emitted from: the command's store (inside its transaction) and its clock. */
export interface EmitContext {
  store: Store;
  /** The event's `timestamp` (default: now). */
  now?: Date;
}

/**
 * Queues `type` with `data` for each subscribed webhook; answers how many deliveries it queued.
 * The data is parsed with the event's schema in core, so only its declared, non-personal fields
 * are sent. Refuses to run outside a transaction: an event queued apart from its write could
 * announce something that was then rolled back.
 */
export async function emit<T extends WebhookEventType>(
  ctx: EmitContext,
  type: T,
  data: WebhookEventData<T>,
): Promise<number> {
  if (!ctx.store.db.isTransaction)
    throw new Error(`event ${type} emitted outside a transaction: run it in store.atomically`);
  const payload: unknown = webhookEventData[type].parse(data);
  const queued = await ctx.store.webhooks.enqueue(type, payload, {
    ...(ctx.now ? { at: ctx.now } : {}),
  });
  return queued.length;
}

/** WebhookStore over Kysely: a table-backed queue that survives restarts on both backends. */
import { randomUUID } from 'node:crypto';
import { errors, webhookPingEvent } from '@corridor/core';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from '../db/schema.js';
import { transact } from '../db/transact.js';
import type { Vault } from '../vault/vault.js';
import type { DueDelivery, Webhook, WebhookDelivery, WebhookStore } from './webhook-store.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function hookOf(r: Selectable<WebhooksTable>): Webhook {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
  };
}

function deliveryOf(r: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    msgId: r.msg_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: iso(r.created_at)!,
    deliveredAt: iso(r.delivered_at),
  };
}

/** WebhookStore on Kysely. */
export class KyselyWebhooks implements WebhookStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  add(hook: { id: string; url: string; events: string[]; secret: string }, actor: Actor) {
    return transact(this.db, async (trx) => {
      const taken = await trx
        .selectFrom('webhooks')
        .select('id')
        .where('id', '=', hook.id)
        .executeTakeFirst();
      if (taken) throw errors.conflict(`a webhook with id ${hook.id} already exists`);
      const row = await trx
        .insertInto('webhooks')
        .values({
          id: hook.id,
          url: hook.url,
          events: JSON.stringify(hook.events),
          secret_sealed: this.vault.sealSecret('webhook', hook.id, hook.secret),
          created_by: actor.name,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // The URL may carry a receiver's token in its path: the audit keeps only its origin.
      await appendAudit(trx, actor, {
        action: 'webhook.add',
        entity: 'webhook',
        entityId: hook.id,
        detail: { origin: new URL(hook.url).origin, events: hook.events },
      });
      return hookOf(row);
    });
  }

  async list() {
    const rows = await this.db.selectFrom('webhooks').selectAll().orderBy('id').execute();
    return rows.map(hookOf);
  }

  remove(id: string, actor: Actor) {
    return transact(this.db, async (trx) => {
      const gone = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) throw errors.notFound('webhook', id);
      await appendAudit(trx, actor, { action: 'webhook.remove', entity: 'webhook', entityId: id });
    });
  }

  async enqueue(
    eventType: string,
    payload: unknown,
    { webhookId, at = new Date() }: { webhookId?: string; at?: Date } = {},
  ) {
    let query = this.db.selectFrom('webhooks').select(['id', 'events']);
    if (webhookId) query = query.where('id', '=', webhookId);
    const hooks = (await query.execute()).filter(
      (h) => webhookId !== undefined || h.events.includes(eventType),
    );
    if (webhookId && hooks.length === 0) throw errors.notFound('webhook', webhookId);
    if (hooks.length === 0) return [];
    const msgId = `msg_${randomUUID()}`;
    const body = JSON.stringify({
      type: eventType,
      timestamp: at.toISOString(),
      data: payload,
    });
    const rows = await this.db
      .insertInto('webhook_deliveries')
      .values(
        hooks.map((h) => ({
          id: randomUUID(),
          webhook_id: h.id,
          // One event, one id per receiver: a receiver dedupes on it across retries and replays.
          msg_id: hooks.length === 1 ? msgId : `${msgId}_${h.id}`,
          event_type: eventType,
          payload: body,
          status: 'pending' as const,
          next_attempt_at: new Date(),
        })),
      )
      .returningAll()
      .execute();
    return rows.map(deliveryOf);
  }

  ping(id: string, payload: unknown, actor: Actor) {
    return transact(this.db, async (trx) => {
      const [delivery] = await new KyselyWebhooks(trx, this.vault).enqueue(
        webhookPingEvent,
        payload,
        { webhookId: id },
      );
      await appendAudit(trx, actor, { action: 'webhook.ping', entity: 'webhook', entityId: id });
      return delivery!;
    });
  }

  claimDue(now: Date, leaseUntil: Date, limit: number) {
    return transact(this.db, async (trx) => {
      const rows = await trx
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .selectAll('d')
        .select(['w.url', 'w.secret_sealed'])
        .where('d.status', '=', 'pending')
        .where('d.next_attempt_at', '<=', now)
        .orderBy('d.next_attempt_at')
        .limit(limit)
        .forUpdate('d')
        .skipLocked()
        .execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: leaseUntil })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r): DueDelivery => ({
        ...deliveryOf(r),
        url: r.url,
        payload: r.payload,
        secret: this.vault.openSecret('webhook', r.webhook_id, r.secret_sealed),
      }));
    });
  }

  async recordAttempt(
    id: string,
    outcome: { ok: boolean; status: number | null; error: string | null; retryAt: Date | null },
    now: Date,
  ) {
    await this.db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        status: outcome.ok ? 'delivered' : outcome.retryAt ? 'pending' : 'failed',
        next_attempt_at: outcome.ok ? null : outcome.retryAt,
        last_status: outcome.status,
        last_error: outcome.error,
        delivered_at: outcome.ok ? now : null,
      }))
      .where('id', '=', id)
      .execute();
  }

  async deliveries(filter: { webhookId?: string; id?: string; limit?: number }) {
    let query = this.db.selectFrom('webhook_deliveries').selectAll();
    if (filter.webhookId) query = query.where('webhook_id', '=', filter.webhookId);
    if (filter.id) query = query.where('id', '=', filter.id);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map(deliveryOf);
  }

  replay(id: string, actor: Actor) {
    return transact(this.db, async (trx) => {
      const row = await trx
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: new Date(), delivered_at: null })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw errors.notFound('delivery', id);
      await appendAudit(trx, actor, {
        action: 'webhook.replay',
        entity: 'webhook-delivery',
        entityId: id,
        detail: { webhook: row.webhook_id, msgId: row.msg_id },
      });
      return deliveryOf(row);
    });
  }
}

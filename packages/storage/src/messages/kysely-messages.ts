/** MessageStore over Kysely: templates and the message log in clear (no personal data in them). */
import { randomUUID } from 'node:crypto';
import {
  errors,
  type MessageChannel,
  type MessagePurpose,
  type MessageStatus,
  type PersonPii,
} from '@corridor/core';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches } from '../db/batch.js';
import type { Database, MessagesTable } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import { personKeys } from '../registry/person-keys.js';
import type { Vault } from '../vault/vault.js';
import type {
  ClaimedMessage,
  ClaimRequest,
  ContactEdit,
  MessageFilter,
  MessageReceipt,
  MessageOutcome,
  MessageStore,
  MessageWrite,
  StoredMessage,
  StoredMessageTemplate,
} from './message-store.js';
import { openPersonRecord, sealPersonRecord } from '../registry/person-record.js';

const iso = (d: Date | string) => new Date(d).toISOString();

function toMessage(r: Selectable<MessagesTable>): StoredMessage {
  return {
    id: r.id,
    batch: r.batch,
    householdId: r.household_id,
    personId: r.person_id,
    movementId: r.movement_id,
    purpose: r.purpose as MessagePurpose,
    language: r.language,
    channel: r.channel as MessageChannel | null,
    status: r.status as MessageStatus,
    reason: r.reason,
    attempts: r.attempts,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    sentAt: r.sent_at ? iso(r.sent_at) : null,
    disclosureId: r.disclosure_id,
    receiptAt: r.receipt_at ? iso(r.receipt_at) : null,
  };
}

/** The statuses that count as sent, or about to be, for `alreadySent`. */
const sentOrSending = ['queued', 'sending', 'sent', 'delivered'];

/** MessageStore over Kysely. */
export class KyselyMessages implements MessageStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async templates(purpose?: MessagePurpose): Promise<StoredMessageTemplate[]> {
    let q = this.db.selectFrom('message_templates').selectAll();
    if (purpose) q = q.where('purpose', '=', purpose);
    const rows = await q.orderBy('purpose').orderBy('language').execute();
    return rows.map((r) => ({
      purpose: r.purpose as MessagePurpose,
      language: r.language,
      subject: r.subject,
      body: r.body,
      updatedAt: iso(r.updated_at),
      updatedBy: r.updated_by,
    }));
  }

  setTemplate(
    t: { purpose: MessagePurpose; language: string; subject: string; body: string },
    actor: Actor,
  ): Promise<StoredMessageTemplate> {
    return transact(this.db, async (trx) => {
      const at = new Date();
      await trx
        .insertInto('message_templates')
        .values({ ...t, updated_at: at, updated_by: actor.name })
        .onConflict((oc) =>
          oc.columns(['purpose', 'language']).doUpdateSet({
            subject: t.subject,
            body: t.body,
            updated_at: at,
            updated_by: actor.name,
          }),
        )
        .execute();
      await appendAudit(trx, actor, {
        action: 'message.template',
        entity: 'message-template',
        entityId: `${t.purpose}/${t.language}`,
        detail: { purpose: t.purpose, language: t.language },
      });
      return { ...t, updatedAt: iso(at), updatedBy: actor.name };
    });
  }

  queue(rows: readonly MessageWrite[], actor: Actor, at: Date): Promise<StoredMessage[]> {
    return transact(this.db, async (trx) => {
      const batch = `MB-${randomUUID()}`;
      const values = rows.map((r) => ({
        id: `MS-${randomUUID()}`,
        batch,
        household_id: r.householdId,
        person_id: r.personId,
        movement_id: r.movementId,
        purpose: r.purpose,
        language: r.language,
        channel: r.channel,
        status: r.status,
        reason: r.reason,
        attempts: 0,
        created_at: at,
        created_by: actor.name,
        // Kept only while the line waits for delivery (cleared when it settles).
        facts: r.status === 'queued' ? JSON.stringify(r.facts) : null,
      }));
      await insertInBatches(trx, 'messages', values);
      const count = (s: string) => rows.filter((r) => r.status === s).length;
      await appendAudit(trx, actor, {
        action: 'message.send',
        entity: 'message-batch',
        entityId: batch,
        detail: {
          purpose: rows[0]?.purpose ?? null,
          movement: rows[0]?.movementId ?? null,
          households: rows.length,
          queued: count('queued'),
          skipped: count('skipped'),
        },
      });
      return values.map((v) => ({
        id: v.id,
        batch,
        householdId: v.household_id,
        personId: v.person_id,
        movementId: v.movement_id,
        purpose: v.purpose,
        language: v.language,
        channel: v.channel,
        status: v.status,
        reason: v.reason,
        attempts: 0,
        createdAt: iso(at),
        createdBy: actor.name,
        sentAt: null,
        disclosureId: null,
        receiptAt: null,
      }));
    });
  }

  async claimNext(r: ClaimRequest): Promise<ClaimedMessage | undefined> {
    const claimable = (eb: ExpressionBuilder<Database, 'messages'>) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', r.staleBefore)]),
      ]);
    let pick = this.db.selectFrom('messages').select('id').where(claimable);
    if (r.batch) pick = pick.where('batch', '=', r.batch);
    // One statement: the row lock of the sub-select (skipping rows another worker holds) and the
    // status re-checked by the update make two workers claim different lines, never the same.
    const row = await this.db
      .updateTable('messages')
      .set({ status: 'sending', claimed_by: r.worker, claimed_at: r.at })
      .where('id', '=', (eb) =>
        eb
          .selectFrom(pick.orderBy('seq').limit(1).forUpdate().skipLocked().as('next'))
          .select('id'),
      )
      .where(claimable)
      .returningAll()
      .executeTakeFirst();
    return row && { ...toMessage(row), facts: row.facts ?? {} };
  }

  async settle(id: string, worker: string, o: MessageOutcome): Promise<boolean> {
    // A receipt that came before this settle (a quick gateway) keeps its status and reason.
    const received = ['delivered', 'undelivered'];
    const r = await this.db
      .updateTable('messages')
      .set((eb) => ({
        status: eb
          .case()
          .when('status', '=', 'sending')
          .then(o.status)
          .else(eb.ref('status'))
          .end(),
        reason: eb
          .case()
          .when('status', '=', 'sending')
          .then(o.reason)
          .else(eb.ref('reason'))
          .end(),
        attempts: o.attempts,
        sent_at: o.status === 'sent' ? o.at : null,
        disclosure_id: o.disclosureId,
        facts: null,
      }))
      .where('id', '=', id)
      .where('status', 'in', ['sending', ...received])
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async pending(staleBefore: Date): Promise<number> {
    const row = await this.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('created_at', '<', staleBefore)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async logDelivery(
    detail: { batch: string | null; sent: number; failed: number; skipped: number },
    actor: Actor,
  ): Promise<void> {
    await transact(this.db, (trx) =>
      appendAudit(trx, actor, {
        action: 'message.deliver',
        entity: 'message-batch',
        entityId: detail.batch ?? 'queued',
        detail,
      }),
    );
  }

  async get(id: string): Promise<StoredMessage | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toMessage(row);
  }

  receipt(
    id: string,
    receipt: MessageReceipt,
    actor: Actor,
  ): Promise<{ message: StoredMessage; changed: boolean }> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw errors.notFound('message', id);
      if (row.status === receipt.status) return { message: toMessage(row), changed: false };
      // `sending`: the channel took it and its receipt came before the worker settled the line.
      if (row.status !== 'sent' && !(row.status === 'sending' && row.channel === 'sms'))
        throw errors.conflict(
          `message ${id} is ${row.status}: a receipt applies only to a sent message`,
        );
      const updated = await trx
        .updateTable('messages')
        .set({
          status: receipt.status,
          receipt_at: receipt.at,
          reason: receipt.status === 'undelivered' ? receipt.reason : null,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'message.receipt',
        entity: 'message',
        entityId: id,
        detail: { status: receipt.status, channel: row.channel, batch: row.batch },
      });
      return { message: toMessage(updated), changed: true };
    });
  }

  async list(f: MessageFilter): Promise<StoredMessage[]> {
    let q = this.db.selectFrom('messages').selectAll();
    if (f.movementId) q = q.where('movement_id', '=', f.movementId);
    if (f.householdId) q = q.where('household_id', '=', f.householdId);
    if (f.purpose) q = q.where('purpose', '=', f.purpose);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.batch) q = q.where('batch', '=', f.batch);
    const rows = await q.orderBy('seq', 'desc').limit(f.limit).execute();
    return rows.map(toMessage);
  }

  async alreadySent(
    householdIds: readonly string[],
    purpose: MessagePurpose,
    movementId: string | null,
  ): Promise<Set<string>> {
    const out = new Set<string>();
    const ids = [...new Set(householdIds)];
    for (let i = 0; i < ids.length; i += 5000) {
      let q = this.db
        .selectFrom('messages')
        .select('household_id')
        .where('household_id', 'in', ids.slice(i, i + 5000))
        .where('purpose', '=', purpose)
        .where('status', 'in', sentOrSending);
      if (movementId) q = q.where('movement_id', '=', movementId);
      for (const r of await q.execute()) out.add(r.household_id);
    }
    return out;
  }

  setContact(
    personId: string,
    edit: ContactEdit,
    actor: Actor,
  ): Promise<{ householdId: string; changed: string[] }> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .selectFrom('persons')
        .select(['id', 'household_id', 'pii', 'pii_key', 'version', 'erased_at', 'merged_into'])
        .where('id', '=', personId)
        .forUpdate()
        .executeTakeFirst();
      if (!row || row.merged_into) throw errors.notFound('person', personId);
      const key = (await personKeys(trx, this.vault, [personId])).get(personId);
      if (row.erased_at || !key) throw errors.alreadyErased(personId);
      const pii = openPersonRecord(this.vault, key, row);
      const next: PersonPii = { ...pii };
      const changed: string[] = [];
      for (const field of ['email', 'phone'] as const) {
        const value = edit[field];
        if (value === undefined || (value ?? undefined) === pii[field]) continue;
        if (value === null) delete next[field];
        else next[field] = value;
        changed.push(field);
      }
      if (changed.length > 0) {
        // A record with a protection note gets a secret wrapped by the generation the transaction holds.
        const pin = await pinGeneration(trx, this.vault);
        await trx
          .updateTable('persons')
          .set({
            ...sealPersonRecord(this.vault, pin, key, personId, next),
            version: row.version + 1,
            updated_at: new Date(),
          })
          .where('id', '=', personId)
          .execute();
        await appendAudit(trx, actor, {
          action: 'message.contact',
          entity: 'person',
          entityId: personId,
          detail: { household: row.household_id, fields: changed },
        });
      }
      return { householdId: row.household_id, changed };
    });
  }
}

/** MessageStore over Kysely: templates and the message log in clear (no personal data in them). */
import { randomUUID } from 'node:crypto';
import {
  errors,
  type MessageChannel,
  type MessagePurpose,
  type MessageStatus,
  type PersonPii,
} from '@corridor/core';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches } from '../db/batch.js';
import type { Database, MessagesTable } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { personKeys } from '../registry/person-keys.js';
import type { Vault } from '../vault/vault.js';
import type {
  ContactEdit,
  MessageFilter,
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
  };
}

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
      }));
    });
  }

  async settle(id: string, o: MessageOutcome): Promise<void> {
    await this.db
      .updateTable('messages')
      .set({
        status: o.status,
        attempts: o.attempts,
        reason: o.reason,
        sent_at: o.status === 'sent' ? o.at : null,
        disclosure_id: o.disclosureId,
      })
      .where('id', '=', id)
      .execute();
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
        .where('status', 'in', ['queued', 'sent']);
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
        await trx
          .updateTable('persons')
          .set({
            ...sealPersonRecord(this.vault, key, personId, next),
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

/** Belongings and custody events on Kysely; personal details sealed with the owner's data key. */
import {
  BelongingSchema,
  errors,
  toZonedIso,
  type Belonging,
  type BelongingCategory,
  type BelongingView,
  type CustodyDetail,
  type CustodyEvent,
  type CustodyEventInput,
  type CustodyHead,
  type CustodyKind,
} from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, lockAuditChain, type Actor } from '../audit/audit-store.js';
import { insertInBatches } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { personKeys } from '../registry/person-keys.js';
import type { Vault } from '../vault/vault.js';
import { addCustodyEvents, headsOf } from './add-custody-events.js';
import { batchDigest, itemHash } from './custody-chain.js';
import type { CustodyStore, CustodyVerdict } from './custody-store.js';
import { verifyCustody } from './verify-custody.js';
import { transact } from '../db/transact.js';

/** CustodyStore over Kysely. */
export class KyselyCustody implements CustodyStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  addItems(items: Belonging[], actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      await lockAuditChain(trx);
      const problems: string[] = [];
      const parsed: Belonging[] = [];
      items.forEach((raw, k) => {
        const r = BelongingSchema.safeParse(raw);
        const label = `belonging ${String((raw as { id?: unknown })?.id ?? `#${k + 1}`)}`;
        if (!r.success)
          for (const i of r.error.issues)
            problems.push(`${label}: ${i.path.join('.') || 'record'} ${i.message}`);
        else parsed.push(r.data);
      });
      const ids = parsed.map((p) => p.id);
      const taken = new Set<string>();
      for (let i = 0; i < ids.length; i += 5000)
        for (const r of await trx
          .selectFrom('belongings')
          .select('id')
          .where('id', 'in', ids.slice(i, i + 5000))
          .execute())
          taken.add(r.id);
      const owners = [...new Set(parsed.map((p) => p.personId))];
      const keys = await personKeys(trx, this.vault, owners);
      const persons = new Set<string>();
      for (let i = 0; i < owners.length; i += 5000)
        for (const r of await trx
          .selectFrom('persons')
          .select('id')
          .where('id', 'in', owners.slice(i, i + 5000))
          .execute())
          persons.add(r.id);
      for (const b of parsed) {
        if (taken.has(b.id)) problems.push(`belonging ${b.id}: id is already used`);
        taken.add(b.id);
        if (!persons.has(b.personId))
          problems.push(`belonging ${b.id}: personId ${b.personId} is not a registered person`);
        else if (!keys.has(b.personId))
          problems.push(`belonging ${b.id}: the personal data of ${b.personId} was erased`);
      }
      if (problems.length > 0)
        throw errors.invalidInput(
          `no belonging recorded: ${problems.slice(0, 10).join('; ')}`,
          problems,
        );
      const rows = parsed.map((b) => {
        const description = this.vault.encrypt(
          keys.get(b.personId)!,
          `belonging:${b.id}`,
          b.description,
        );
        const record = { id: b.id, personId: b.personId, category: b.category, description };
        return { record, hash: itemHash(record) };
      });
      const audit = await appendAudit(trx, actor, {
        action: 'custody.items',
        entity: 'belonging',
        entityId: rows.length === 1 ? rows[0]!.record.id : '*',
        detail: {
          count: rows.length,
          digest: batchDigest(rows.map((r) => ({ key: r.record.id, hash: r.hash }))),
        },
      });
      await insertInBatches(
        trx,
        'belongings',
        rows.map(({ record, hash }) => ({
          id: record.id,
          person_id: record.personId,
          category: record.category,
          description: record.description,
          audit_seq: audit.seq,
          hash,
        })),
      );
    });
  }

  heads(itemIds: readonly string[]): Promise<Map<string, CustodyHead>> {
    return transact(this.db, async (trx) => {
      const heads = await headsOf(trx, [...new Set(itemIds)]);
      return new Map([...heads].map(([id, h]) => [id, { kind: h.kind, at: h.at }]));
    });
  }

  async addEvents(events: CustodyEventInput[], actor: Actor): Promise<CustodyEvent[]> {
    const added = await transact(this.db, (trx) =>
      addCustodyEvents(trx, this.vault, events, actor),
    );
    const zone = await this.zone();
    return added.map((e) => ({ ...e, at: toZonedIso(new Date(e.at), zone) }));
  }

  /**
   * The operation's time zone: custody times are shown in it (the chain hashes the instant, so
   * the offset a writer typed is not kept; the camp's local time is what a claim needs).
   */
  private async zone(): Promise<string> {
    const op = await this.db.selectFrom('operations').select('timezone').executeTakeFirst();
    return op?.timezone ?? 'UTC';
  }

  async items(personId?: string): Promise<BelongingView[]> {
    let q = this.db.selectFrom('belongings').selectAll().orderBy('person_id').orderBy('id');
    if (personId !== undefined) q = q.where('person_id', '=', personId);
    const items = await q.execute();
    if (items.length === 0) return [];
    const ids = items.map((i) => i.id);
    const events = [];
    for (let i = 0; i < ids.length; i += 5000)
      events.push(
        ...(await this.db
          .selectFrom('custody_events')
          .selectAll()
          .where('item_id', 'in', ids.slice(i, i + 5000))
          .orderBy('item_id')
          .orderBy('seq')
          .execute()),
      );
    const keys = await personKeys(this.db, this.vault, [...new Set(items.map((i) => i.person_id))]);
    const zone = await this.zone();
    const byItem = new Map<string, CustodyEvent[]>();
    const owner = new Map(items.map((i) => [i.id, i.person_id]));
    for (const e of events) {
      const key = keys.get(owner.get(e.item_id)!);
      const list = byItem.get(e.item_id) ?? [];
      list.push({
        itemId: e.item_id,
        seq: e.seq,
        kind: e.kind as CustodyKind,
        at: toZonedIso(new Date(e.at), zone),
        detail: key
          ? this.vault.decrypt<CustodyDetail>(key, `custody:${e.item_id}:${e.seq}`, e.detail)
          : null,
        actor: e.actor,
        prevHash: e.prev_hash,
        hash: e.hash,
      });
      byItem.set(e.item_id, list);
    }
    return items.map((i) => {
      const key = keys.get(i.person_id);
      const list = byItem.get(i.id) ?? [];
      return {
        id: i.id,
        personId: i.person_id,
        category: i.category as BelongingCategory,
        description: key
          ? this.vault.decrypt<string>(key, `belonging:${i.id}`, i.description)
          : null,
        status: list.at(-1)?.kind ?? 'recorded',
        events: list,
      };
    });
  }

  async record(personId: string) {
    const person = await this.db
      .selectFrom('persons')
      .select(['id', 'household_id'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) return undefined;
    return { personId, householdId: person.household_id, items: await this.items(personId) };
  }

  verify(): Promise<CustodyVerdict> {
    return verifyCustody(this.db);
  }
}

/** ConsentStore over Kysely: notes sealed with the person's data key, history never rewritten. */
import { randomUUID } from 'node:crypto';
import {
  errors,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentSeed,
  type LawfulBasis,
  type LawfulBasisRecord,
} from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches, type Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { personKeys } from '../registry/person-keys.js';
import { erasedText } from '../registry/sealed-text.js';
import type { Vault } from '../vault/vault.js';
import type {
  ConsentInput,
  ConsentStore,
  Disclosure,
  DisclosureFilter,
  DisclosureInput,
} from './consent-store.js';

const chunk = 5000;

/** ConsentStore over Kysely. */
export class KyselyConsent implements ConsentStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  record(rows: readonly ConsentInput[], actor: Actor): Promise<ConsentRecord[]> {
    return transact(this.db, async (trx) => {
      const ids = [...new Set(rows.map((r) => r.personId))];
      const household = new Map<string, string>();
      for (let i = 0; i < ids.length; i += chunk)
        for (const p of await trx
          .selectFrom('persons')
          .select(['id', 'household_id'])
          .where('id', 'in', ids.slice(i, i + chunk))
          .where('merged_into', 'is', null)
          .execute())
          household.set(p.id, p.household_id);
      const keys = await personKeys(trx, this.vault, ids);
      const problems: string[] = [];
      for (const id of ids) {
        if (!household.has(id)) problems.push(`person ${id}: not a registered person`);
        else if (!keys.has(id)) problems.push(`person ${id}: their personal data was erased`);
      }
      if (problems.length > 0)
        throw errors.invalidInput(
          `no consent recorded: ${problems.slice(0, 10).join('; ')}`,
          problems,
        );
      const at = new Date();
      const records: ConsentRecord[] = rows.map((r) => ({
        id: `CN-${randomUUID()}`,
        personId: r.personId,
        householdId: household.get(r.personId)!,
        purpose: r.purpose,
        state: r.state,
        decision: r.decision,
        date: r.date,
        actor: actor.name,
        recordedAt: at.toISOString(),
        note: r.note,
      }));
      const cases = [...new Set(records.map((r) => r.householdId))];
      const first = records[0];
      await appendAudit(trx, actor, {
        action: 'consent.record',
        entity: 'case',
        entityId: cases.length === 1 ? cases[0]! : '*',
        detail: {
          persons: ids.length,
          records: records.length,
          purposes: [...new Set(records.map((r) => r.purpose))],
          states: [...new Set(records.map((r) => r.state).filter((s) => s !== null))],
          decisions: [...new Set(records.map((r) => r.decision))],
          ...(first ? { date: first.date } : {}),
          notes: records.filter((r) => r.note !== null).length,
        },
      });
      await insertInBatches(
        trx,
        'consents',
        records.map((r) => ({
          id: r.id,
          person_id: r.personId,
          household_id: r.householdId,
          purpose: r.purpose,
          state: r.state ?? '',
          decision: r.decision,
          date: r.date,
          note_sealed:
            r.note === null
              ? null
              : this.vault.encrypt(keys.get(r.personId)!, `consent:${r.id}`, r.note),
          actor: r.actor,
          recorded_at: at,
        })),
      );
      return records;
    });
  }

  async history(of: {
    personIds?: readonly string[];
    householdId?: string;
  }): Promise<ConsentRecord[]> {
    const rows = [];
    if (of.householdId !== undefined)
      rows.push(
        ...(await this.db
          .selectFrom('consents')
          .selectAll()
          .where('household_id', '=', of.householdId)
          .orderBy('seq')
          .execute()),
      );
    const ids = [...new Set(of.personIds ?? [])];
    for (let i = 0; i < ids.length; i += chunk)
      rows.push(
        ...(await this.db
          .selectFrom('consents')
          .selectAll()
          .where('person_id', 'in', ids.slice(i, i + chunk))
          .orderBy('seq')
          .execute()),
      );
    const sealed = rows.filter((r) => r.note_sealed !== null).map((r) => r.person_id);
    const keys = await personKeys(this.db, this.vault, [...new Set(sealed)]);
    const seen = new Set<string>();
    const out: ConsentRecord[] = [];
    for (const r of rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const key = keys.get(r.person_id);
      out.push({
        id: r.id,
        personId: r.person_id,
        householdId: r.household_id,
        purpose: r.purpose as ConsentRecord['purpose'],
        state: r.state === '' ? null : r.state,
        decision: r.decision as ConsentRecord['decision'],
        date: String(r.date),
        actor: r.actor,
        recordedAt: new Date(r.recorded_at).toISOString(),
        note:
          r.note_sealed === null
            ? null
            : key
              ? this.vault.decrypt<string>(key, `consent:${r.id}`, r.note_sealed)
              : erasedText,
      });
    }
    return out;
  }

  declareBasis(
    entry: { purpose: ConsentPurpose; state: string | null; basis: LawfulBasis; reason: string },
    actor: Actor,
  ): Promise<LawfulBasisRecord> {
    return transact(this.db, async (trx) => {
      const at = new Date();
      const id = `LB-${randomUUID()}`;
      await appendAudit(trx, actor, {
        action: 'consent.basis',
        entity: 'operation',
        entityId: entry.purpose,
        detail: { purpose: entry.purpose, state: entry.state, basis: entry.basis },
      });
      await trx
        .insertInto('lawful_bases')
        .values({
          id,
          purpose: entry.purpose,
          state: entry.state ?? '',
          basis: entry.basis,
          reason: entry.reason,
          actor: actor.name,
          recorded_at: at,
        })
        .execute();
      return { id, ...entry, actor: actor.name, recordedAt: at.toISOString() };
    });
  }

  async bases(): Promise<LawfulBasisRecord[]> {
    const rows = await this.db.selectFrom('lawful_bases').selectAll().orderBy('seq').execute();
    return rows.map((r) => ({
      id: r.id,
      purpose: r.purpose as ConsentPurpose,
      state: r.state === '' ? null : r.state,
      basis: r.basis as LawfulBasis,
      reason: r.reason,
      actor: r.actor,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  }

  async householdsOf(personIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(personIds)];
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += chunk)
      for (const p of await this.db
        .selectFrom('persons')
        .select(['id', 'household_id'])
        .where('id', 'in', ids.slice(i, i + chunk))
        .execute())
        out.set(p.id, p.household_id);
    return out;
  }

  logDisclosure(entry: DisclosureInput, actor: Actor, at: Date): Promise<string> {
    return transact(this.db, async (trx) => {
      const id = `DS-${randomUUID()}`;
      const persons = [...new Map(entry.persons.map((p) => [p.personId, p])).values()];
      await trx
        .insertInto('disclosures')
        .values({
          id,
          at,
          actor: actor.name,
          role: actor.role,
          kind: entry.kind,
          format: entry.format,
          recipient: entry.recipient,
          subject: entry.subject,
          purpose: entry.purpose,
          persons: persons.length,
        })
        .execute();
      await insertInBatches(
        trx,
        'disclosure_persons',
        persons.map((p) => ({
          disclosure_id: id,
          person_id: p.personId,
          household_id: p.householdId,
        })),
      );
      return id;
    });
  }

  async disclosures(filter: DisclosureFilter): Promise<Disclosure[]> {
    let q = this.db.selectFrom('disclosures').selectAll();
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.from) q = q.where('at', '>=', new Date(filter.from));
    if (filter.to) q = q.where('at', '<', new Date(filter.to));
    if (filter.personId) {
      const personId = filter.personId;
      q = q.where('id', 'in', (s) =>
        s
          .selectFrom('disclosure_persons')
          .select('disclosure_id')
          .where('person_id', '=', personId),
      );
    }
    if (filter.householdId) {
      const householdId = filter.householdId;
      q = q.where('id', 'in', (s) =>
        s
          .selectFrom('disclosure_persons')
          .select('disclosure_id')
          .where('household_id', '=', householdId),
      );
    }
    const rows = await q.orderBy('seq', 'desc').limit(filter.limit).execute();
    const carried = new Map<string, string[]>();
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += chunk)
      for (const p of await this.db
        .selectFrom('disclosure_persons')
        .select(['disclosure_id', 'person_id'])
        .where('disclosure_id', 'in', ids.slice(i, i + chunk))
        .orderBy('person_id')
        .execute()) {
        const list = carried.get(p.disclosure_id) ?? [];
        list.push(p.person_id);
        carried.set(p.disclosure_id, list);
      }
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      role: r.role,
      kind: r.kind as Disclosure['kind'],
      format: r.format,
      recipient: r.recipient,
      subject: r.subject,
      purpose: r.purpose,
      persons: r.persons,
      personIds: carried.get(r.id) ?? [],
    }));
  }
}

/** The consents a new operation brings (the demo's), written without notes by its creator. */
export async function insertConsentSeeds(
  trx: Db,
  seeds: readonly ConsentSeed[],
  households: ReadonlyMap<string, string>,
  actor: Actor,
): Promise<void> {
  const at = new Date();
  await insertInBatches(
    trx,
    'consents',
    seeds.map((s) => ({
      id: `CN-${randomUUID()}`,
      person_id: s.personId,
      household_id: households.get(s.personId) ?? '',
      purpose: s.purpose,
      state: s.state ?? '',
      decision: s.decision,
      date: s.date,
      note_sealed: null,
      actor: actor.name,
      recorded_at: at,
    })),
  );
}

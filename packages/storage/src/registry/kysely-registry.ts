/** The registry on Kysely: one implementation that serves PGlite and PostgreSQL alike. */
import type {
  CaseLink,
  CaseStatus,
  Destination,
  Iso3,
  IsoDate,
  Operation,
  OperationData,
  Pledge,
} from '@corridor/core';
import type { ImportReport, RegistryFileData, RegistrySnapshot } from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/audit-store.js';
import type { Database } from '../db/schema.js';
import type { Vault } from '../vault/vault.js';
import { insertOperation } from './create-operation.js';
import { addPersonIn } from './add-person.js';
import { erasePersonIn } from './erase-person.js';
import { removePersonIn } from './remove-person.js';
import { updatePersonIn } from './update-person.js';
import { writeEditHistory } from './edit-history.js';
import { decideDuplicateIn, listDuplicates, scanDuplicatesIn } from './duplicates.js';
import type { ImportOptions } from './import-options.js';
import { importRecordsIn } from './import-records.js';
import { readSnapshot } from './registry-snapshot.js';
import { findCases, type CaseFilter, type CaseList } from './find-cases.js';
import { readHousehold } from './household-view.js';
import { transitionCaseIn } from './move-case.js';
import { readStatus } from './operation-status.js';
import {
  readPlanningCases,
  type PlanningCase,
  type PlanningCaseOptions,
} from './planning-cases.js';
import { appendAudit } from '../audit/audit-store.js';
import type {
  DuplicateDecision,
  DuplicatePair,
  EraseOptions,
  ErasedPerson,
  HistoryEntry,
  HouseholdView,
  NewPerson,
  OperationStatus,
  PersonEdit,
  PersonEdited,
  PersonRemoved,
  RegistryStore,
  TransitionCheck,
} from './registry-store.js';
import { transact } from '../db/transact.js';
import type { ErasureBatch } from '../keys/erasure-batch.js';

/** Every table of the operation, children first; users, sessions and the audit log stay. */
const registryTables = [
  // The message log names households (templates are the operation's words and stay).
  'messages',
  // The operation's retention settings and holds go with it (the reports of past runs stay).
  'legal_holds',
  'follow_ups',
  'arrival_links',
  'arrival_confirmations',
  'retention_schedules',
  'appeals',
  'grievance_events',
  'grievances',
  'custody_events',
  'belongings',
  'asset_sales',
  'asset_restrictions',
  'asset_offers',
  'assets',
  'incidents',
  'plan_assignments',
  'plans',
  'plan_locks',
  'ground_capacity',
  'movement_candidates',
  'movements',
  'dedup_pairs',
  'case_history',
  'ties',
  'preferences',
  'case_links',
  'documents',
  'needs',
  'person_keys',
  'persons',
  'households',
  'pledge_changes',
  'pledges',
  'destinations',
  'operations',
] as const;

/** RegistryStore over a Kysely database and the vault that opens its personal data. */
export class KyselyRegistry implements RegistryStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly erasures?: ErasureBatch,
  ) {}

  async operation(): Promise<Operation | undefined> {
    const o = await this.db.selectFrom('operations').selectAll().executeTakeFirst();
    if (!o) return undefined;
    return {
      id: o.id,
      name: o.name,
      campName: o.camp_name,
      campCountry: o.camp_country as Iso3,
      airportCode: o.airport_code,
      timezone: o.timezone,
      windowStart: o.window_start as IsoDate,
      windowEnd: o.window_end as IsoDate,
      isDemo: o.is_demo,
    };
  }

  createOperation(data: OperationData, actor: Actor): Promise<void> {
    return transact(this.db, (trx) => insertOperation(trx, this.vault, data, actor));
  }

  deleteOperation(actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      const op = await trx.selectFrom('operations').select(['id']).executeTakeFirst();
      // Every living person's erasure is final once the keys are rotated (at the batch's end).
      await sql`insert into key_erasures (person_id, erased_at)
        select id, now() from persons where erased_at is null
        on conflict (person_id) do update set erased_at = excluded.erased_at, final_at = null,
          destroyed_generation = null`.execute(trx);
      for (const table of registryTables) await trx.deleteFrom(table).execute();
      await appendAudit(trx, actor, {
        action: 'operation.delete',
        entity: 'operation',
        entityId: op?.id ?? '-',
      });
    }).then(() => void this.erasures?.schedule());
  }

  status(): Promise<OperationStatus> {
    return readStatus(this.db);
  }

  household(id: string): Promise<HouseholdView | undefined> {
    return readHousehold(this.db, this.vault, id);
  }

  findCases(filter: CaseFilter): Promise<CaseList> {
    return findCases(this.db, this.vault, filter);
  }

  transitionCase(
    id: string,
    to: CaseStatus,
    reason: string,
    actor: Actor,
    check: TransitionCheck,
  ): Promise<HistoryEntry> {
    return transact(this.db, (trx) =>
      transitionCaseIn(trx, id, to, reason, actor, check, this.vault),
    );
  }

  scanDuplicates(actor: Actor): Promise<number> {
    return transact(this.db, (trx) => scanDuplicatesIn(trx, this.vault, actor));
  }

  duplicates(status?: DuplicatePair['status']): Promise<DuplicatePair[]> {
    return listDuplicates(this.db, this.vault, status);
  }

  decideDuplicate(id: number, decision: DuplicateDecision, actor: Actor): Promise<DuplicatePair> {
    return transact(this.db, (trx) => decideDuplicateIn(trx, this.vault, id, decision, actor));
  }

  async destinations(): Promise<Destination[]> {
    const rows = await this.db.selectFrom('destinations').selectAll().orderBy('id').execute();
    return rows.map((d) => ({
      id: d.id,
      country: d.country as Iso3,
      name: d.name,
      maxHouseholdSize: d.max_household_size,
      medicalPlaces: d.medical_places,
      disabilityPlaces: d.disability_places,
      languages: d.languages,
      requiresTies: d.requires_ties,
      leadTimeDays: d.lead_time_days,
      arrivalAirports: d.arrival_airports,
      pauses: d.pauses.map((p) => ({
        from: p.from as IsoDate,
        to: p.to as IsoDate,
        reason: p.reason,
      })),
    }));
  }

  planningCases(
    statuses: readonly CaseStatus[],
    options?: PlanningCaseOptions,
  ): Promise<{ cases: PlanningCase[]; links: CaseLink[] }> {
    return readPlanningCases(this.db, statuses, options);
  }

  addPerson(person: NewPerson, reason: string, actor: Actor): Promise<PersonEdited> {
    return transact(this.db, (trx) => addPersonIn(trx, this.vault, person, reason, actor));
  }

  updatePerson(id: string, edit: PersonEdit, reason: string, actor: Actor): Promise<PersonEdited> {
    return transact(this.db, (trx) => updatePersonIn(trx, this.vault, id, edit, reason, actor));
  }

  async removePerson(
    id: string,
    reason: string,
    actor: Actor,
    options: EraseOptions = {},
  ): Promise<PersonRemoved> {
    const removed = await transact(this.db, (trx) =>
      removePersonIn(trx, this.vault, id, reason, actor),
    );
    const final = await this.finishOrSchedule(id, options);
    return final ? { ...removed, ...final } : removed;
  }

  /**
   * Makes a committed erasure or removal final now (`now`, outside a transaction) or schedules it
   * with the batch; the answer's `final` and `finalBy`. Undefined without a batch (no keyring).
   */
  private async finishOrSchedule(
    id: string,
    options: EraseOptions,
  ): Promise<{ final: boolean; finalBy: string } | undefined> {
    if (!this.erasures) return undefined;
    // Inside a caller's transaction the change is not committed yet: it joins the batch.
    if (options.now && !this.db.isTransaction) {
      await this.erasures.finish();
      const row = await this.db
        .selectFrom('key_erasures')
        .select('final_at')
        .where('person_id', '=', id)
        .executeTakeFirst();
      if (row?.final_at) return { final: true, finalBy: new Date(row.final_at).toISOString() };
    }
    return { final: false, finalBy: this.erasures.schedule().toISOString() };
  }

  noteCase(
    householdId: string,
    change: string,
    reason: string,
    actor: Actor,
    action: string,
  ): Promise<{ at: string }> {
    return transact(this.db, async (trx) => {
      const at = await writeEditHistory(trx, this.vault, householdId, change, reason, actor);
      await appendAudit(trx, actor, {
        action,
        entity: 'household',
        entityId: householdId,
        detail: { change },
      });
      return { at };
    });
  }

  async caseNoted(householdId: string, change: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('case_history')
      .select('id')
      .where('household_id', '=', householdId)
      .where('change', '=', change)
      .executeTakeFirst();
    return row !== undefined;
  }

  async erasePerson(id: string, actor: Actor, options: EraseOptions = {}): Promise<ErasedPerson> {
    const erased = await transact(this.db, (trx) => erasePersonIn(trx, id, actor));
    const final = await this.finishOrSchedule(id, options);
    return final ? { ...erased, ...final } : erased;
  }

  async pledges(): Promise<Pledge[]> {
    const rows = await this.db
      .selectFrom('pledges')
      .selectAll()
      .orderBy('destination_id')
      .orderBy('period_start')
      .execute();
    return rows.map((p) => ({
      destinationId: p.destination_id,
      periodStart: p.period_start as IsoDate,
      periodEnd: p.period_end as IsoDate,
      persons: p.persons,
      cases: p.cases,
      medicalPlaces: p.medical_places,
    }));
  }

  importRecords(
    data: RegistryFileData,
    options: ImportOptions,
    actor: Actor,
  ): Promise<ImportReport> {
    return transact(this.db, (trx) => importRecordsIn(trx, this.vault, data, options, actor));
  }

  snapshot(householdIds?: readonly string[]): Promise<RegistrySnapshot> {
    return readSnapshot(this.db, this.vault, householdIds);
  }

  async householdSizes(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('persons')
      .select(['household_id', sql<number>`count(*)::int`.as('n')])
      .where('merged_into', 'is', null)
      .groupBy('household_id')
      .execute();
    return new Map(rows.map((r) => [r.household_id, r.n]));
  }

  async documentValidity(householdIds: readonly string[]): Promise<Map<string, (string | null)[]>> {
    const out = new Map<string, (string | null)[]>();
    if (householdIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('persons as p')
      .leftJoin('documents as d', 'd.person_id', 'p.id')
      .select(['p.household_id', 'p.id', sql<string | null>`max(d.expiry)::text`.as('expiry')])
      .where('p.merged_into', 'is', null)
      .where('p.household_id', 'in', householdIds)
      .groupBy(['p.household_id', 'p.id'])
      .execute();
    for (const r of rows) out.set(r.household_id, [...(out.get(r.household_id) ?? []), r.expiry]);
    return out;
  }
}

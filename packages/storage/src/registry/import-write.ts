/** Writes a validated import plan: every record, its history, duplicate pairs and one audit event. */
import {
  errors,
  newOperation,
  operationNameFromFile,
  OperationSchema,
  type FullImportPlan,
  type ImportReport,
  type IsoDate,
  type PlannedPerson,
} from '@corridor/core';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches, type Db } from '../db/batch.js';
import { withSetCheckedKeys } from '../db/set-checked-keys.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import type { Vault } from '../vault/vault.js';
import { insertJsonRows } from './bulk-insert.js';
import { queueImportDuplicates } from './import-duplicates.js';
import type { ImportOptions } from './import-options.js';

/** A person to insert; `replaces` names the stored person whose id it would have clashed with. */
export interface PersonToWrite extends PlannedPerson {
  replaces: string | null;
}

/** What a write needs beside the plan. */
export interface WriteInput {
  plan: FullImportPlan;
  persons: PersonToWrite[];
  sameId: [string, string][];
  hadPersons: boolean;
  options: ImportOptions;
  actor: Actor;
  counts: ImportReport;
}

async function ensureOperation(trx: Db, input: WriteInput): Promise<ImportReport['operation']> {
  const op = await trx.selectFrom('operations').select(['id', 'name']).executeTakeFirst();
  if (op) return { id: op.id, name: op.name, created: false };
  const today = input.options.today ?? (new Date().toISOString().slice(0, 10) as IsoDate);
  const parsed = OperationSchema.safeParse(
    newOperation(
      input.options.operation ?? { name: operationNameFromFile(input.options.fileName) },
      today,
    ),
  );
  if (!parsed.success)
    throw errors.invalidInput(
      `the new operation is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  const o = parsed.data;
  await trx
    .insertInto('operations')
    .values({
      id: o.id,
      name: o.name,
      camp_name: o.campName,
      camp_country: o.campCountry,
      airport_code: o.airportCode,
      timezone: o.timezone,
      window_start: o.windowStart,
      window_end: o.windowEnd,
      is_demo: false,
    })
    .execute();
  await appendAudit(trx, input.actor, {
    action: 'operation.create',
    entity: 'operation',
    entityId: o.id,
    detail: { by: 'import', file: input.options.fileHash },
  });
  return { id: o.id, name: o.name, created: true };
}

async function writeHouseholds(trx: Db, input: WriteInput): Promise<void> {
  const { plan, actor } = input;
  const tag = input.options.fileHash.slice(0, 12);
  const fresh = plan.households.filter((h) => h.isNew).map((h) => h.household);
  await insertJsonRows(
    trx,
    'households',
    {
      id: 'text',
      status: 'text',
      origin_country: 'text',
      languages: 'jsonb',
      ready_date: 'date',
      priority: 'integer',
    },
    fresh.map((h) => ({
      id: h.id,
      status: h.status,
      origin_country: h.originCountry,
      languages: h.languages,
      ready_date: h.readyDate,
      priority: h.priority,
    })),
  );
  const history: Record<string, unknown>[] = fresh.map((h) => ({
    household_id: h.id,
    from_status: null,
    to_status: h.status,
    actor: actor.name,
    role: actor.role,
    reason: `registered by import of file ${tag}`,
  }));
  for (const h of plan.households.filter((x) => !x.isNew && x.changed.length > 0)) {
    const r = h.household;
    await trx
      .updateTable('households')
      .set({
        origin_country: r.originCountry,
        languages: JSON.stringify(r.languages),
        ready_date: r.readyDate,
        priority: r.priority,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', r.id)
      .execute();
    history.push({
      household_id: r.id,
      from_status: r.status,
      to_status: r.status,
      actor: actor.name,
      role: actor.role,
      reason: `updated by import of file ${tag}: ${h.changed.join(', ')}`,
    });
  }
  await insertJsonRows(
    trx,
    'case_history',
    {
      household_id: 'text',
      from_status: 'text',
      to_status: 'text',
      actor: 'text',
      role: 'text',
      reason: 'text',
    },
    history,
  );
}

async function writePersons(trx: Db, vault: Vault, persons: PersonToWrite[]): Promise<void> {
  await pinGeneration(trx, vault);
  const personRows: Record<string, unknown>[] = [];
  const keyRows: Record<string, unknown>[] = [];
  const needRows: Record<string, unknown>[] = [];
  const docRows: Record<string, unknown>[] = [];
  for (const { person: p, needs, document: d } of persons) {
    const { key, wrapped } = vault.newPersonKey(p.id);
    keyRows.push({ person_id: p.id, wrapped: wrapped.toString('base64') });
    personRows.push({
      id: p.id,
      household_id: p.householdId,
      is_head: p.isHead,
      sex: p.sex,
      birth_year: p.birthYear,
      pii: vault.encrypt(key, `person:${p.id}`, p.pii).toString('base64'),
      name_bidx: vault.blindIndex('name', `${p.pii.givenName} ${p.pii.familyName}`),
    });
    for (const n of needs) needRows.push({ person_id: p.id, code: n.code, severity: n.severity });
    if (d)
      docRows.push({
        id: d.id,
        person_id: p.id,
        type: d.type,
        issuer: d.issuer,
        expiry: d.expiry,
        secret: vault
          .encrypt(key, `document:${d.id}`, { number: d.number, mrz: d.mrz })
          .toString('base64'),
        number_bidx: vault.blindIndex('document', d.number),
      });
  }
  await insertJsonRows(
    trx,
    'persons',
    {
      id: 'text',
      household_id: 'text',
      is_head: 'boolean',
      sex: 'text',
      birth_year: 'integer',
      pii: 'bytea',
      name_bidx: 'text',
    },
    personRows,
  );
  await insertJsonRows(trx, 'person_keys', { person_id: 'text', wrapped: 'bytea' }, keyRows);
  await insertJsonRows(
    trx,
    'needs',
    { person_id: 'text', code: 'text', severity: 'integer' },
    needRows,
  );
  await insertJsonRows(
    trx,
    'documents',
    {
      id: 'text',
      person_id: 'text',
      type: 'text',
      issuer: 'text',
      expiry: 'date',
      secret: 'bytea',
      number_bidx: 'text',
    },
    docRows,
  );
}

async function writeCaseData(trx: Db, plan: FullImportPlan): Promise<void> {
  await insertInBatches(
    trx,
    'case_links',
    plan.links.map((l) => ({ a: l.a, b: l.b, kind: l.kind })),
  );
  const tieHouseholds = plan.ties.map((t) => t.householdId);
  for (let i = 0; i < tieHouseholds.length; i += 5000)
    await trx
      .deleteFrom('ties')
      .where('household_id', 'in', tieHouseholds.slice(i, i + 5000))
      .execute();
  await insertJsonRows(
    trx,
    'ties',
    { household_id: 'text', country: 'text', kind: 'text' },
    plan.ties.flatMap((t) =>
      t.ties.map((x) => ({ household_id: x.householdId, country: x.country, kind: x.kind })),
    ),
  );
  const prefHouseholds = plan.preferences.map((p) => p.householdId);
  for (let i = 0; i < prefHouseholds.length; i += 5000)
    await trx
      .deleteFrom('preferences')
      .where('household_id', 'in', prefHouseholds.slice(i, i + 5000))
      .execute();
  await insertJsonRows(
    trx,
    'preferences',
    { household_id: 'text', rank: 'integer', destination_id: 'text' },
    plan.preferences.flatMap((p) =>
      p.preferences.map((x) => ({
        household_id: x.householdId,
        rank: x.rank,
        destination_id: x.destinationId,
      })),
    ),
  );
}

async function writeDestinations(trx: Db, plan: FullImportPlan): Promise<void> {
  await insertInBatches(
    trx,
    'destinations',
    plan.destinations.map((d) => ({
      id: d.id,
      country: d.country,
      name: d.name,
      max_household_size: d.maxHouseholdSize,
      medical_places: d.medicalPlaces,
      disability_places: d.disabilityPlaces,
      languages: JSON.stringify(d.languages),
      requires_ties: d.requiresTies,
      lead_time_days: d.leadTimeDays,
      arrival_airports: JSON.stringify(d.arrivalAirports),
      pauses: JSON.stringify(d.pauses),
    })),
  );
  await insertInBatches(
    trx,
    'pledges',
    plan.pledges.map((p) => ({
      destination_id: p.destinationId,
      period_start: p.periodStart,
      period_end: p.periodEnd,
      persons: p.persons,
      cases: p.cases,
      medical_places: p.medicalPlaces,
    })),
  );
}

/** Writes everything in `trx`; returns the operation and the number of duplicate pairs queued. */
export async function writeImport(
  trx: Db,
  vault: Vault,
  input: WriteInput,
): Promise<Pick<ImportReport, 'operation' | 'duplicatePairs'>> {
  const operation = await ensureOperation(trx, input);
  await writeDestinations(trx, input.plan);
  // Foreign keys are checked once per table after the bulk inserts, not once per row.
  const persons = await withSetCheckedKeys(trx, async () => {
    await writeHouseholds(trx, input);
    // A record kept under a new id joins a household that may already have its head.
    const heads = new Set(
      (
        await trx
          .selectFrom('persons')
          .select(['household_id'])
          .where('is_head', '=', true)
          .execute()
      ).map((r) => r.household_id),
    );
    const toWrite = input.persons.map((p) =>
      p.replaces && p.person.isHead && heads.has(p.person.householdId)
        ? { ...p, person: { ...p.person, isHead: false } }
        : p,
    );
    await writePersons(trx, vault, toWrite);
    await writeCaseData(trx, input.plan);
    return toWrite;
  });
  const duplicatePairs = await queueImportDuplicates(
    trx,
    vault,
    persons.map((p) => ({
      id: p.person.id,
      householdId: p.person.householdId,
      fullName: `${p.person.pii.givenName} ${p.person.pii.familyName}`,
      birthYear: p.person.birthYear,
    })),
    input.sameId,
    input.hadPersons,
  );
  const { counts, options, actor } = input;
  const detail = {
    format: options.format,
    kind: counts.kind,
    rows: counts.rows,
    households: counts.households,
    persons: counts.persons,
    documents: counts.documents,
    destinations: counts.destinations,
    duplicatePairs,
  };
  await trx
    .insertInto('imports')
    .values({
      sha256: options.fileHash,
      format: options.format,
      kind: counts.kind,
      rows: counts.rows,
      counts: JSON.stringify(detail),
      actor: actor.name,
      role: actor.role,
    })
    .execute();
  await appendAudit(trx, actor, {
    action: 'registry.import',
    entity: 'import',
    entityId: options.fileHash,
    detail,
  });
  return { operation, duplicatePairs };
}

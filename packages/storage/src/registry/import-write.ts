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
import type { Db } from '../db/batch.js';
import { withSetCheckedKeys } from '../db/set-checked-keys.js';
import type { Vault } from '../vault/vault.js';
import { queueImportDuplicates } from './import-duplicates.js';
import type { ImportOptions } from './import-options.js';
import {
  writeCaseHistory,
  writeCaseLinks,
  writeDestinations,
  writeHouseholds,
  writeOperation,
  writePersons,
  writePreferences,
  writeTies,
  type HistoryLine,
} from './registry-writer.js';
import { insertConsentSeeds } from '../consent/kysely-consent.js';

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
  await writeOperation(trx, o, input.actor, { by: 'import', file: input.options.fileHash });
  return { id: o.id, name: o.name, created: true };
}

async function writeHouseholdsOf(trx: Db, input: WriteInput): Promise<void> {
  const { plan, actor } = input;
  const tag = input.options.fileHash.slice(0, 12);
  const fresh = plan.households.filter((h) => h.isNew).map((h) => h.household);
  await writeHouseholds(trx, fresh);
  const history: HistoryLine[] = fresh.map((h) => ({
    householdId: h.id,
    from: null,
    to: h.status,
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
      householdId: r.id,
      from: r.status,
      to: r.status,
      reason: `updated by import of file ${tag}: ${h.changed.join(', ')}`,
    });
  }
  await writeCaseHistory(trx, history, actor);
}

async function writeCaseData(trx: Db, plan: FullImportPlan): Promise<void> {
  await writeCaseLinks(trx, plan.links);
  await writeTies(
    trx,
    plan.ties.flatMap((t) => t.ties),
    plan.ties.map((t) => t.householdId),
  );
  await writePreferences(
    trx,
    plan.preferences.flatMap((p) => p.preferences),
    plan.preferences.map((p) => p.householdId),
  );
}

/** Records the consents the file gives for the persons written (dated the import's day when undated). */
async function writeImportedConsents(
  trx: Db,
  persons: readonly PersonToWrite[],
  input: WriteInput,
): Promise<void> {
  const today = input.options.today ?? new Date().toISOString().slice(0, 10);
  const seeds = persons.flatMap((p) =>
    (p.consents ?? []).map((c) => ({
      personId: p.person.id,
      purpose: c.purpose,
      state: null,
      decision: c.decision,
      date: c.date ?? today,
    })),
  );
  if (seeds.length === 0) return;
  const households = new Map(persons.map((p) => [p.person.id, p.person.householdId]));
  await insertConsentSeeds(trx, seeds, households, input.actor);
}

/** Writes everything in `trx`; returns the operation and the number of duplicate pairs queued. */
export async function writeImport(
  trx: Db,
  vault: Vault,
  input: WriteInput,
): Promise<Pick<ImportReport, 'operation' | 'duplicatePairs'>> {
  const operation = await ensureOperation(trx, input);
  await writeDestinations(trx, input.plan.destinations, input.plan.pledges);
  // Foreign keys are checked once per table after the bulk inserts, not once per row.
  const persons = await withSetCheckedKeys(trx, async () => {
    await writeHouseholdsOf(trx, input);
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
    await writePersons(
      trx,
      vault,
      toWrite.map((p) => p.person),
      toWrite.flatMap((p) => p.needs),
      toWrite.flatMap((p) => (p.document ? [p.document] : [])),
    );
    await writeCaseData(trx, input.plan);
    await writeImportedConsents(trx, toWrite, input);
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

/**
 * The one writer of the registry's tables: the operation row, destinations and pledges, households
 * and their history, persons with their keys, needs and documents (encrypted), links, ties and
 * preferences. The demo (`createOperation`) and the import write through it alike, in bulk.
 */
import type {
  CaseLink,
  Destination,
  Document,
  Household,
  Need,
  Operation,
  Person,
  Pledge,
  Preference,
  Tie,
} from '@corridor/core';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import { mixItemKey, newItemSecret } from '../keys/item-secret.js';
import type { Vault } from '../vault/vault.js';
import { insertJsonRows } from './bulk-insert.js';
import { sealPersonRecord } from './person-record.js';

/** Inserts the operation row and appends `operation.create` with `detail`. */
export async function writeOperation(
  trx: Db,
  o: Operation,
  actor: Actor,
  detail: Record<string, unknown>,
): Promise<void> {
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
      is_demo: o.isDemo,
    })
    .execute();
  await appendAudit(trx, actor, {
    action: 'operation.create',
    entity: 'operation',
    entityId: o.id,
    detail,
  });
}

const destinationColumns = {
  id: 'text',
  country: 'text',
  name: 'text',
  max_household_size: 'integer',
  medical_places: 'integer',
  disability_places: 'integer',
  languages: 'jsonb',
  requires_ties: 'boolean',
  lead_time_days: 'integer',
  arrival_airports: 'jsonb',
  pauses: 'jsonb',
} as const;

function destinationRow(d: Destination) {
  return {
    id: d.id,
    country: d.country,
    name: d.name,
    max_household_size: d.maxHouseholdSize,
    medical_places: d.medicalPlaces,
    disability_places: d.disabilityPlaces,
    languages: d.languages,
    requires_ties: d.requiresTies,
    lead_time_days: d.leadTimeDays,
    arrival_airports: d.arrivalAirports,
    pauses: d.pauses,
  };
}

const pledgeColumns = {
  destination_id: 'text',
  period_start: 'date',
  period_end: 'date',
  persons: 'integer',
  cases: 'integer',
  medical_places: 'integer',
} as const;

function pledgeRow(p: Pledge) {
  return {
    destination_id: p.destinationId,
    period_start: p.periodStart,
    period_end: p.periodEnd,
    persons: p.persons,
    cases: p.cases,
    medical_places: p.medicalPlaces,
  };
}

/** Inserts destinations with their rules, and pledges. */
export async function writeDestinations(
  trx: Db,
  destinations: readonly Destination[],
  pledges: readonly Pledge[],
): Promise<void> {
  await insertJsonRows(trx, 'destinations', destinationColumns, destinations.map(destinationRow));
  await insertJsonRows(trx, 'pledges', pledgeColumns, pledges.map(pledgeRow));
}

/** Writes one destination's rules: a new one, or the changed rules of one that exists. */
export async function writeDestination(trx: Db, d: Destination): Promise<void> {
  const row = destinationRow(d);
  const json = {
    ...row,
    languages: JSON.stringify(row.languages),
    arrival_airports: JSON.stringify(row.arrival_airports),
    pauses: JSON.stringify(row.pauses),
  };
  const { id: _id, ...rules } = json;
  await trx
    .insertInto('destinations')
    .values(json)
    .onConflict((oc) => oc.column('id').doUpdateSet(rules))
    .execute();
}

/** Writes one pledge, the one of its destination that starts on its first day replaced. */
export async function writePledge(trx: Db, p: Pledge): Promise<void> {
  await deletePledge(trx, p.destinationId, p.periodStart);
  await trx.insertInto('pledges').values(pledgeRow(p)).execute();
}

/** Deletes the pledge of `destinationId` that starts on `periodStart`. */
export async function deletePledge(
  trx: Db,
  destinationId: string,
  periodStart: string,
): Promise<void> {
  await trx
    .deleteFrom('pledges')
    .where('destination_id', '=', destinationId)
    .where('period_start', '=', periodStart)
    .execute();
}

/** Inserts new households. */
export async function writeHouseholds(trx: Db, households: readonly Household[]): Promise<void> {
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
    households.map((h) => ({
      id: h.id,
      status: h.status,
      origin_country: h.originCountry,
      languages: h.languages,
      ready_date: h.readyDate,
      priority: h.priority,
    })),
  );
}

/** One line of a case's history. */
export interface HistoryLine {
  householdId: string;
  from: string | null;
  to: string;
  reason: string;
}

/** Appends lines to case history, written by `actor`. */
export async function writeCaseHistory(
  trx: Db,
  lines: readonly HistoryLine[],
  actor: Actor,
): Promise<void> {
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
    lines.map((l) => ({
      household_id: l.householdId,
      from_status: l.from,
      to_status: l.to,
      actor: actor.name,
      role: actor.role,
      reason: l.reason,
    })),
  );
}

/**
 * Inserts persons, each with a new key (wrapped by the vault), their needs, and their documents;
 * personal data and document secrets are encrypted under the person's key, names and numbers
 * indexed blind. A document whose person is not among `persons` is refused.
 */
export async function writePersons(
  trx: Db,
  vault: Vault,
  persons: readonly Person[],
  needs: readonly Need[],
  documents: readonly Document[],
): Promise<void> {
  // New person keys are wrapped by the current key generation, held until the transaction ends.
  const pin = await pinGeneration(trx, vault);
  const keys = new Map<string, Buffer>();
  const keyRows: Record<string, unknown>[] = [];
  const personRows = persons.map((p) => {
    const { key, wrapped } = vault.newPersonKey(pin, p.id);
    keys.set(p.id, key);
    keyRows.push({ person_id: p.id, wrapped });
    return {
      id: p.id,
      household_id: p.householdId,
      is_head: p.isHead,
      sex: p.sex,
      birth_year: p.birthYear,
      ...sealPersonRecord(vault, pin, key, p.id, p.pii),
      name_bidx: vault.blindIndex('name', `${p.pii.givenName} ${p.pii.familyName}`),
    };
  });
  const docRows = documents.map((d) => {
    const key = keys.get(d.personId);
    if (!key) throw new Error(`document ${d.id} names unknown person ${d.personId}`);
    // The document's own secret: its shredding is final once the generation wrapping it goes.
    const item = newItemSecret(vault, pin, 'document', d.id);
    return {
      id: d.id,
      person_id: d.personId,
      type: d.type,
      issuer: d.issuer,
      expiry: d.expiry,
      secret: vault.encrypt(mixItemKey(key, item.secret, 'document', d.id), `document:${d.id}`, {
        number: d.number,
        mrz: d.mrz,
      }),
      secret_key: item.wrapped,
      number_bidx: vault.blindIndex('document', d.number),
    };
  });
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
      pii_key: 'bytea',
      name_bidx: 'text',
    },
    personRows,
  );
  await insertJsonRows(trx, 'person_keys', { person_id: 'text', wrapped: 'bytea' }, keyRows);
  await insertJsonRows(
    trx,
    'needs',
    { person_id: 'text', code: 'text', severity: 'integer' },
    needs.map((n) => ({ person_id: n.personId, code: n.code, severity: n.severity })),
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
      secret_key: 'bytea',
      number_bidx: 'text',
    },
    docRows,
  );
}

/** Inserts links between cases. */
export async function writeCaseLinks(trx: Db, links: readonly CaseLink[]): Promise<void> {
  await insertJsonRows(
    trx,
    'case_links',
    { a: 'text', b: 'text', kind: 'text' },
    links.map((l) => ({ a: l.a, b: l.b, kind: l.kind })),
  );
}

async function deleteOf(
  trx: Db,
  table: 'ties' | 'preferences',
  householdIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < householdIds.length; i += 5000)
    await trx
      .deleteFrom(table)
      .where('household_id', 'in', householdIds.slice(i, i + 5000))
      .execute();
}

/** Sets the ties of households: those of `replaced` households are deleted first. */
export async function writeTies(
  trx: Db,
  ties: readonly Tie[],
  replaced: readonly string[] = [],
): Promise<void> {
  await deleteOf(trx, 'ties', replaced);
  await insertJsonRows(
    trx,
    'ties',
    { household_id: 'text', country: 'text', kind: 'text' },
    ties.map((t) => ({ household_id: t.householdId, country: t.country, kind: t.kind })),
  );
}

/** Sets the destination preferences of households: those of `replaced` ones are deleted first. */
export async function writePreferences(
  trx: Db,
  preferences: readonly Preference[],
  replaced: readonly string[] = [],
): Promise<void> {
  await deleteOf(trx, 'preferences', replaced);
  await insertJsonRows(
    trx,
    'preferences',
    { household_id: 'text', rank: 'integer', destination_id: 'text' },
    preferences.map((p) => ({
      household_id: p.householdId,
      rank: p.rank,
      destination_id: p.destinationId,
    })),
  );
}

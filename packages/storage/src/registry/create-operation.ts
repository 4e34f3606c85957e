/** Writes a whole operation's registry in one transaction, encrypting personal data. */
import type { OperationData } from '@corridor/core';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches, type Db } from '../db/batch.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import type { Vault } from '../vault/vault.js';

/** Inserts every record of `data`; the caller provides the transaction. */
export async function insertOperation(
  trx: Db,
  vault: Vault,
  data: OperationData,
  actor: Actor,
): Promise<void> {
  await pinGeneration(trx, vault);
  const o = data.operation;
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
  await insertInBatches(
    trx,
    'destinations',
    data.destinations.map((d) => ({
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
    data.pledges.map((p) => ({
      destination_id: p.destinationId,
      period_start: p.periodStart,
      period_end: p.periodEnd,
      persons: p.persons,
      cases: p.cases,
      medical_places: p.medicalPlaces,
    })),
  );
  await insertInBatches(
    trx,
    'households',
    data.households.map((h) => ({
      id: h.id,
      status: h.status,
      origin_country: h.originCountry,
      languages: JSON.stringify(h.languages),
      ready_date: h.readyDate,
      priority: h.priority,
    })),
  );
  const keys = new Map<string, Buffer>();
  const keyRows: Record<string, unknown>[] = [];
  const personRows = data.persons.map((p) => {
    const { key, wrapped } = vault.newPersonKey(p.id);
    keys.set(p.id, key);
    keyRows.push({ person_id: p.id, wrapped });
    return {
      id: p.id,
      household_id: p.householdId,
      is_head: p.isHead,
      sex: p.sex,
      birth_year: p.birthYear,
      pii: vault.encrypt(key, `person:${p.id}`, p.pii),
      name_bidx: vault.blindIndex('name', `${p.pii.givenName} ${p.pii.familyName}`),
    };
  });
  await insertInBatches(trx, 'persons', personRows);
  await insertInBatches(trx, 'person_keys', keyRows);
  await insertInBatches(
    trx,
    'needs',
    data.needs.map((n) => ({ person_id: n.personId, code: n.code, severity: n.severity })),
  );
  await insertInBatches(
    trx,
    'documents',
    data.documents.map((d) => {
      const key = keys.get(d.personId);
      if (!key) throw new Error(`document ${d.id} names unknown person ${d.personId}`);
      return {
        id: d.id,
        person_id: d.personId,
        type: d.type,
        issuer: d.issuer,
        expiry: d.expiry,
        secret: vault.encrypt(key, `document:${d.id}`, { number: d.number, mrz: d.mrz }),
        number_bidx: vault.blindIndex('document', d.number),
      };
    }),
  );
  await insertInBatches(
    trx,
    'case_links',
    data.links.map((l) => ({ a: l.a, b: l.b, kind: l.kind })),
  );
  await insertInBatches(
    trx,
    'preferences',
    data.preferences.map((p) => ({
      household_id: p.householdId,
      rank: p.rank,
      destination_id: p.destinationId,
    })),
  );
  await insertInBatches(
    trx,
    'ties',
    data.ties.map((t) => ({ household_id: t.householdId, country: t.country, kind: t.kind })),
  );
  await insertInBatches(
    trx,
    'case_history',
    data.households.map((h) => ({
      household_id: h.id,
      from_status: null,
      to_status: h.status,
      actor: actor.name,
      role: actor.role,
      reason: o.isDemo ? 'created by the demo generator' : 'registered',
    })),
  );
  await appendAudit(trx, actor, {
    action: 'operation.create',
    entity: 'operation',
    entityId: o.id,
    detail: {
      households: data.households.length,
      persons: data.persons.length,
      destinations: data.destinations.length,
      demo: o.isDemo,
    },
  });
}

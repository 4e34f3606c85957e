/** Reads the active registry (merged records left out), decrypted, for exports and manifests. */
import type {
  CaseLink,
  CaseStatus,
  Household,
  Iso3,
  IsoDate,
  NeedCode,
  RegistrySnapshot,
  Tie,
} from '@corridor/core';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { personKeys } from './person-keys.js';
import { itemKey } from '../keys/item-secret.js';
import { openPersonRecord } from './person-record.js';

const chunk = 5000;

async function inChunks<T>(ids: readonly string[], read: (part: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += chunk) out.push(...(await read(ids.slice(i, i + chunk))));
  return out;
}

/** The whole active registry, or only the given households. */
export async function readSnapshot(
  db: Db,
  vault: Vault,
  householdIds?: readonly string[],
): Promise<RegistrySnapshot> {
  const hs = householdIds
    ? await inChunks(householdIds, (part) =>
        db
          .selectFrom('households')
          .selectAll()
          .where('merged_into', 'is', null)
          .where('id', 'in', part)
          .execute(),
      )
    : await db
        .selectFrom('households')
        .selectAll()
        .where('merged_into', 'is', null)
        .orderBy('id')
        .execute();
  const ids = hs.map((h) => h.id);
  const wanted = new Set(ids);
  const persons = (
    householdIds
      ? await inChunks(ids, (part) =>
          db
            .selectFrom('persons')
            .selectAll()
            .where('merged_into', 'is', null)
            .where('household_id', 'in', part)
            .execute(),
        )
      : await db.selectFrom('persons').selectAll().where('merged_into', 'is', null).execute()
  ).filter((p) => wanted.has(p.household_id));
  const personIds = persons.map((p) => p.id);
  const people = new Set(personIds);
  const keys = await personKeys(db, vault, personIds);
  const needs = (await db.selectFrom('needs').selectAll().orderBy('id').execute()).filter((n) =>
    people.has(n.person_id),
  );
  const docs = (await db.selectFrom('documents').selectAll().orderBy('id').execute()).filter((d) =>
    people.has(d.person_id),
  );
  const links = (await db.selectFrom('case_links').selectAll().orderBy('id').execute()).filter(
    (l) => wanted.has(l.a) || wanted.has(l.b),
  );
  const ties = (await db.selectFrom('ties').selectAll().orderBy('id').execute()).filter((t) =>
    wanted.has(t.household_id),
  );
  const prefs = (
    await db.selectFrom('preferences').selectAll().orderBy('household_id').orderBy('rank').execute()
  ).filter((p) => wanted.has(p.household_id));
  return {
    households: hs.map((h): Household => ({
      id: h.id,
      status: h.status as CaseStatus,
      originCountry: h.origin_country as Iso3,
      languages: h.languages,
      readyDate: h.ready_date as IsoDate | null,
      priority: h.priority,
    })),
    persons: persons.map((p) => {
      const key = keys.get(p.id);
      return {
        id: p.id,
        householdId: p.household_id,
        isHead: p.is_head,
        sex: p.sex,
        birthYear: p.birth_year,
        pii: key ? openPersonRecord(vault, key, p) : null,
      };
    }),
    needs: needs.map((n) => ({
      personId: n.person_id,
      code: n.code as NeedCode,
      severity: n.severity,
    })),
    documents: docs.map((d) => {
      const key = keys.get(d.person_id);
      const secret = key
        ? vault.decrypt<{ number: string; mrz: [string, string] | null }>(
            itemKey(vault, key, 'document', d.id, d.secret_key),
            `document:${d.id}`,
            d.secret,
          )
        : null;
      return {
        id: d.id,
        personId: d.person_id,
        type: d.type,
        issuer: d.issuer,
        expiry: d.expiry,
        number: secret?.number ?? null,
        mrz: secret?.mrz ?? null,
      };
    }),
    links: links.map((l) => ({ a: l.a, b: l.b, kind: l.kind as CaseLink['kind'] })),
    ties: ties.map((t) => ({
      householdId: t.household_id,
      country: t.country as Iso3,
      kind: t.kind as Tie['kind'],
    })),
    preferences: prefs.map((p) => ({
      householdId: p.household_id,
      rank: p.rank,
      destinationId: p.destination_id,
    })),
  };
}

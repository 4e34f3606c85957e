/** Reads one case with everything the registry holds of it, decrypting what the keys allow. */
import type { CaseLink, CaseStatus, NeedCode } from '@corridor/core';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { personKeys } from './person-keys.js';
import type { HouseholdView } from './registry-store.js';
import { historyItem, openForMembers } from './sealed-text.js';
import { itemKey } from '../keys/item-secret.js';
import { openPersonRecord } from './person-record.js';

/** The case `id`, or undefined when there is none. */
export async function readHousehold(
  db: Db,
  vault: Vault,
  id: string,
): Promise<HouseholdView | undefined> {
  const h = await db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
  if (!h) return undefined;
  const persons = await db
    .selectFrom('persons')
    .selectAll()
    .where('household_id', '=', id)
    .orderBy('is_head', 'desc')
    .orderBy('id')
    .execute();
  const ids = persons.map((p) => p.id);
  const keys = await personKeys(db, vault, ids);
  const needs = ids.length
    ? await db.selectFrom('needs').selectAll().where('person_id', 'in', ids).execute()
    : [];
  const docs = ids.length
    ? await db
        .selectFrom('documents')
        .selectAll()
        .where('person_id', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  const links = await db
    .selectFrom('case_links')
    .select(['a', 'b', 'kind'])
    .where((eb) => eb.or([eb('a', '=', id), eb('b', '=', id)]))
    .execute();
  const prefs = await db
    .selectFrom('preferences')
    .select(['rank', 'destination_id'])
    .where('household_id', '=', id)
    .orderBy('rank')
    .execute();
  const ties = await db
    .selectFrom('ties')
    .select(['country', 'kind'])
    .where('household_id', '=', id)
    .execute();
  const history = await db
    .selectFrom('case_history')
    .selectAll()
    .where('household_id', '=', id)
    .orderBy('id')
    .execute();
  // Reasons sealed for members who have since left the case (a merge) need their keys too.
  const sealedFor = history.flatMap((e) => e.reason_members ?? []).filter((m) => !keys.has(m));
  if (sealedFor.length > 0)
    for (const [m, k] of await personKeys(db, vault, [...new Set(sealedFor)])) keys.set(m, k);
  return {
    id: h.id,
    status: h.status as CaseStatus,
    originCountry: h.origin_country,
    languages: h.languages,
    readyDate: h.ready_date,
    priority: h.priority,
    mergedInto: h.merged_into,
    version: h.version,
    members: persons.map((p) => {
      const key = keys.get(p.id);
      return {
        id: p.id,
        isHead: p.is_head,
        sex: p.sex,
        birthYear: p.birth_year,
        mergedInto: p.merged_into,
        version: p.version,
        pii: key ? openPersonRecord(vault, key, p) : null,
        needs: needs
          .filter((n) => n.person_id === p.id)
          .map((n) => ({ code: n.code as NeedCode, severity: n.severity })),
        documents: docs
          .filter((d) => d.person_id === p.id)
          .map((d) => {
            const secret = key
              ? vault.decrypt<{ number: string; mrz: [string, string] | null }>(
                  itemKey(vault, key, 'document', d.id, d.secret_key),
                  `document:${d.id}`,
                  d.secret,
                )
              : null;
            return {
              id: d.id,
              type: d.type,
              issuer: d.issuer,
              expiry: d.expiry,
              number: secret?.number ?? null,
              mrz: secret?.mrz ?? null,
            };
          }),
      };
    }),
    links: links.map((l) => ({ a: l.a, b: l.b, kind: l.kind as CaseLink['kind'] })),
    preferences: prefs.map((p) => ({ rank: p.rank, destinationId: p.destination_id })),
    ties: ties.map((t) => ({ country: t.country as never, kind: t.kind as never })),
    history: history.map((e) => ({
      at: new Date(e.at).toISOString(),
      from: e.from_status as CaseStatus | null,
      to: e.to_status as CaseStatus,
      actor: e.actor,
      role: e.role,
      change: e.change,
      reason: e.reason_sealed
        ? openForMembers(
            vault,
            keys,
            e.reason_members ?? [],
            `case-history:${id}`,
            e.reason_sealed,
            historyItem(e),
          )
        : e.reason,
    })),
  };
}

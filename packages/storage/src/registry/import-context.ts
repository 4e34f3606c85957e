/** What an import is checked against: the households, persons, documents and links already stored. */
import {
  linkKey,
  type CaseLink,
  type CaseStatus,
  type ExistingHousehold,
  type ImportContext,
} from '@corridor/core';
import type { Db } from '../db/batch.js';

/** The database's side of an import's checks, read inside the import's transaction. */
export async function loadImportContext(db: Db): Promise<ImportContext> {
  const [households, heads, prefs, ties, persons, documents, links, destinations] =
    await Promise.all([
      db
        .selectFrom('households')
        .select(['id', 'status', 'origin_country', 'languages', 'ready_date', 'priority'])
        .execute(),
      db
        .selectFrom('persons')
        .select(['id', 'household_id'])
        .where('is_head', '=', true)
        .where('merged_into', 'is', null)
        .execute(),
      db
        .selectFrom('preferences')
        .select(['household_id', 'destination_id'])
        .orderBy('household_id')
        .orderBy('rank')
        .execute(),
      db.selectFrom('ties').select(['household_id', 'country', 'kind']).orderBy('id').execute(),
      db.selectFrom('persons').select(['id', 'household_id']).execute(),
      db.selectFrom('documents').select(['id', 'person_id']).execute(),
      db.selectFrom('case_links').select(['a', 'b', 'kind']).execute(),
      db.selectFrom('destinations').select(['id']).execute(),
    ]);
  const list = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const l = map.get(key);
    if (l) l.push(value);
    else map.set(key, [value]);
  };
  const headsBy = new Map<string, string[]>();
  for (const h of heads) list(headsBy, h.household_id, h.id);
  const prefsBy = new Map<string, string[]>();
  for (const p of prefs) list(prefsBy, p.household_id, p.destination_id);
  const tiesBy = new Map<string, string[]>();
  for (const t of ties) list(tiesBy, t.household_id, `${t.country}:${t.kind}`);
  const existing = new Map<string, ExistingHousehold>();
  for (const h of households)
    existing.set(h.id, {
      status: h.status as CaseStatus,
      originCountry: h.origin_country,
      languages: h.languages,
      readyDate: h.ready_date,
      priority: h.priority,
      heads: headsBy.get(h.id) ?? [],
      preferences: prefsBy.get(h.id) ?? [],
      ties: (tiesBy.get(h.id) ?? []).sort(),
    });
  return {
    households: existing,
    persons: new Map(persons.map((p) => [p.id, p.household_id])),
    documents: new Map(documents.map((d) => [d.id, d.person_id])),
    links: new Set(links.map((l) => linkKey({ a: l.a, b: l.b, kind: l.kind as CaseLink['kind'] }))),
    destinations: new Set(destinations.map((d) => d.id)),
  };
}

/** Checks ledger records against their schemas and against the ledger they join, naming every problem. */
import {
  AssetSchema,
  OfferSchema,
  RestrictionSchema,
  SaleSchema,
  type LedgerAsset,
  type PropertyLedger,
} from '@corridor/core';
import type { ZodType } from 'zod';
import type { LedgerEntries } from './property-store.js';

function parseAll<T>(
  schema: ZodType<T>,
  raw: readonly unknown[] | undefined,
  what: string,
  problems: string[],
): T[] {
  const out: T[] = [];
  (raw ?? []).forEach((r, k) => {
    const parsed = schema.safeParse(r);
    const label = `${what} ${String((r as { id?: unknown })?.id ?? `#${k + 1}`)}`;
    if (parsed.success) out.push(parsed.data);
    else
      for (const i of parsed.error.issues)
        problems.push(`${label}: ${i.path.join('.') || 'record'} ${i.message}`);
  });
  return out;
}

/** The parsed entries, or the list of problems (schema first, then references and quantities). */
export function checkLedgerEntries(
  entries: LedgerEntries,
  existing: PropertyLedger,
  households: ReadonlySet<string>,
):
  | { ok: true; entries: Required<LedgerEntries> & { assets: LedgerAsset[] } }
  | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const assets = parseAll(AssetSchema, entries.assets, 'asset', problems);
  const offers = parseAll(OfferSchema, entries.offers, 'offer', problems);
  const restrictions = parseAll(RestrictionSchema, entries.restrictions, 'restriction', problems);
  const sales = parseAll(SaleSchema, entries.sales, 'sale', problems);
  if (problems.length > 0) return { ok: false, problems };
  const byId = new Map(existing.assets.map((a) => [a.id, { ...a }]));
  const added: LedgerAsset[] = [];
  for (const a of assets) {
    if (byId.has(a.id)) problems.push(`asset ${a.id}: id is already used`);
    if (a.householdId && !households.has(a.householdId))
      problems.push(`asset ${a.id}: householdId ${a.householdId} is not a case of this operation`);
    const raw = entries.assets?.find((x) => x.id === a.id);
    const full = {
      ...a,
      abandonedOn: raw?.abandonedOn ?? null,
      abandonNote: raw?.abandonNote ?? null,
    };
    byId.set(a.id, full);
    added.push(full);
  }
  const used = (list: { id: string }[], what: string, old: { id: string }[]) => {
    const ids = new Set(old.map((o) => o.id));
    for (const x of list) {
      if (ids.has(x.id)) problems.push(`${what} ${x.id}: id is already used`);
      ids.add(x.id);
    }
  };
  used(offers, 'offer', existing.offers);
  used(restrictions, 'restriction', existing.restrictions);
  used(sales, 'sale', existing.sales);
  for (const o of offers)
    for (const id of o.assetIds) {
      const a = byId.get(id);
      if (!a) problems.push(`offer ${o.id}: assetIds names unknown asset ${id}`);
      else if (a.currency !== o.currency)
        problems.push(
          `offer ${o.id}: currency ${o.currency} differs from asset ${id}'s ${a.currency}`,
        );
    }
  for (const r of restrictions)
    for (const id of r.assetIds)
      if (!byId.has(id)) problems.push(`restriction ${r.id}: assetIds names unknown asset ${id}`);
  const sold = new Map<string, number>();
  for (const s of [...existing.sales, ...sales])
    sold.set(s.assetId, (sold.get(s.assetId) ?? 0) + s.quantity);
  const rules = [...existing.restrictions, ...restrictions];
  for (const s of sales) {
    const a = byId.get(s.assetId);
    if (!a) {
      problems.push(`sale ${s.id}: assetId ${s.assetId} is not in the ledger`);
      continue;
    }
    if (a.currency !== s.currency)
      problems.push(`sale ${s.id}: currency ${s.currency} differs from the asset's ${a.currency}`);
    if ((sold.get(a.id) ?? 0) > a.quantity)
      problems.push(`sale ${s.id}: quantity would bring sales of ${a.id} above its ${a.quantity}`);
    if (a.abandonedOn && s.date > a.abandonedOn)
      problems.push(`sale ${s.id}: date is after ${a.id} was abandoned on ${a.abandonedOn}`);
    const block = rules.find((r) => r.blocked && r.assetIds.includes(a.id));
    if (block)
      problems.push(`sale ${s.id}: sales of ${a.id} are blocked by restriction ${block.id}`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries: { assets: added, offers, restrictions, sales } };
}

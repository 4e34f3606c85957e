/** Reads the whole property ledger, money back in minor units as numbers. */
import type { AssetCategory, LedgerAsset, Offer, PropertyLedger } from '@corridor/core';
import type { Db } from '../db/batch.js';

/** The ledger, every part ordered by id. */
export async function readLedger(db: Db): Promise<PropertyLedger> {
  const [assets, offers, restrictions, sales] = await Promise.all([
    db.selectFrom('assets').selectAll().orderBy('id').execute(),
    db.selectFrom('asset_offers').selectAll().orderBy('id').execute(),
    db.selectFrom('asset_restrictions').selectAll().orderBy('id').execute(),
    db.selectFrom('asset_sales').selectAll().orderBy('id').execute(),
  ]);
  return {
    assets: assets.map((a): LedgerAsset => ({
      id: a.id,
      scope: a.scope as LedgerAsset['scope'],
      householdId: a.household_id,
      description: a.description,
      category: a.category as AssetCategory,
      quantity: a.quantity,
      location: a.location,
      appraisedMinor: Number(a.appraised_minor),
      currency: a.currency,
      appraisedOn: a.appraised_on as LedgerAsset['appraisedOn'],
      abandonedOn: a.abandoned_on,
      abandonNote: a.abandon_note,
    })),
    offers: offers.map((o) => ({
      id: o.id,
      assetIds: o.asset_ids,
      buyer: o.buyer,
      amountMinor: Number(o.amount_minor),
      currency: o.currency,
      date: o.date as Offer['date'],
      status: o.status as Offer['status'],
    })),
    restrictions: restrictions.map((r) => ({
      id: r.id,
      assetIds: r.asset_ids,
      imposedBy: r.imposed_by,
      date: r.date as Offer['date'],
      permittedFraction: r.permitted_fraction,
      priceCapFraction: r.price_cap_fraction,
      blocked: r.blocked,
      note: r.note,
    })),
    sales: sales.map((s) => ({
      id: s.id,
      assetId: s.asset_id,
      quantity: s.quantity,
      amountMinor: Number(s.amount_minor),
      currency: s.currency,
      date: s.date as Offer['date'],
      buyer: s.buyer,
    })),
  };
}

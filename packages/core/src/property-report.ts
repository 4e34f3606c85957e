/** The property report (M9): appraised vs offered vs permitted vs realised, and the loss, per currency. */
import type { AssetCategory, LedgerAsset, PropertyLedger } from './property.js';

/** Money figures of one group of assets, all in one currency's minor units. */
export interface PropertyFigures {
  currency: string;
  assets: number;
  appraised: number;
  offered: number;
  permitted: number;
  realised: number;
  abandoned: number;
  /** Appraised minus realised. */
  loss: number;
  /** Best offer minus realised: what the restrictions cost against the market. */
  lossAgainstOffer: number;
}

/** The report: rows per category and currency, totals per currency (never summed across currencies). */
export interface PropertyReport {
  rows: (PropertyFigures & { category: AssetCategory })[];
  totals: PropertyFigures[];
}

function zero(currency: string): PropertyFigures {
  const f = { currency, assets: 0, appraised: 0, offered: 0, permitted: 0, realised: 0 };
  return { ...f, abandoned: 0, loss: 0, lossAgainstOffer: 0 };
}

function figuresOf(asset: LedgerAsset, ledger: PropertyLedger): PropertyFigures {
  const appraised = asset.appraisedMinor;
  const weight = (ids: string[]) => {
    const lot = ledger.assets.filter((a) => ids.includes(a.id));
    const total = lot.reduce((s, a) => s + a.appraisedMinor, 0);
    return total > 0 ? appraised / total : 1 / Math.max(lot.length, 1);
  };
  const offers = ledger.offers.filter(
    (o) => o.status !== 'withdrawn' && o.assetIds.includes(asset.id),
  );
  const offered = Math.max(0, ...offers.map((o) => Math.round(o.amountMinor * weight(o.assetIds))));
  const rules = ledger.restrictions.filter((r) => r.assetIds.includes(asset.id));
  const blocked = rules.some((r) => r.blocked);
  const fraction = Math.min(1, ...rules.map((r) => r.permittedFraction));
  const cap = Math.min(1, ...rules.map((r) => r.priceCapFraction ?? 1));
  const permitted = blocked ? 0 : Math.round(appraised * fraction * cap);
  const sales = ledger.sales.filter((s) => s.assetId === asset.id);
  const realised = sales.reduce((s, x) => s + x.amountMinor, 0);
  const sold = sales.reduce((s, x) => s + x.quantity, 0);
  const left = Math.max(0, asset.quantity - sold) / asset.quantity;
  const abandoned = asset.abandonedOn ? Math.round(appraised * left) : 0;
  return {
    currency: asset.currency,
    assets: 1,
    appraised,
    offered,
    permitted,
    realised,
    abandoned,
    loss: appraised - realised,
    lossAgainstOffer: Math.max(0, offered - realised),
  };
}

function add(into: PropertyFigures, f: PropertyFigures): void {
  into.assets += f.assets;
  into.appraised += f.appraised;
  into.offered += f.offered;
  into.permitted += f.permitted;
  into.realised += f.realised;
  into.abandoned += f.abandoned;
  into.loss += f.loss;
  into.lossAgainstOffer += f.lossAgainstOffer;
}

/** Computes the report from the ledger; amounts stay in minor units of each currency. */
export function propertyReport(ledger: PropertyLedger): PropertyReport {
  const rows = new Map<string, PropertyFigures & { category: AssetCategory }>();
  const totals = new Map<string, PropertyFigures>();
  for (const asset of ledger.assets) {
    const f = figuresOf(asset, ledger);
    const key = `${asset.category}\u0000${asset.currency}`;
    if (!rows.has(key)) rows.set(key, { category: asset.category, ...zero(asset.currency) });
    if (!totals.has(asset.currency)) totals.set(asset.currency, zero(asset.currency));
    add(rows.get(key)!, f);
    add(totals.get(asset.currency)!, f);
  }
  const byKey = <T extends { currency: string }>(a: T, b: T, k: (x: T) => string) =>
    k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
  return {
    rows: [...rows.values()].sort((a, b) => byKey(a, b, (x) => `${x.category} ${x.currency}`)),
    totals: [...totals.values()].sort((a, b) => byKey(a, b, (x) => x.currency)),
  };
}

/** The demo's property ledger: the camp's collective property, a 10.7 M USD offer, a sale allowed only in part. */
import type { Household } from '../schemas.js';
import { addDays } from '../units.js';
import type { LedgerAsset, Offer, PropertyLedger, Restriction, Sale } from '../property.js';
import { demoWindow } from './generate.js';

const lots = [
  {
    id: 'A-BLD',
    category: 'buildings',
    quantity: 300,
    unitUsd: 20_000,
    what: 'Prefabricated residential units',
  },
  {
    id: 'A-VEH',
    category: 'vehicles',
    quantity: 60,
    unitUsd: 30_000,
    what: 'Vehicles (buses, trucks, cars)',
  },
  { id: 'A-GEN', category: 'generators', quantity: 40, unitUsd: 40_000, what: 'Diesel generators' },
  {
    id: 'A-UTL',
    category: 'utilities',
    quantity: 10,
    unitUsd: 80_000,
    what: 'Water treatment and power distribution plant',
  },
  {
    id: 'A-EQP',
    category: 'equipment',
    quantity: 1000,
    unitUsd: 500,
    what: 'Workshop, clinic and kitchen equipment',
  },
] as const;

/**
 * Collective assets appraised at 10.7 M USD, one buyer's offer of 10.7 M USD for all of them (blocked),
 * a restriction allowing 10% of each to be sold at no more than 25% of its value, the sales that
 * followed, the rest abandoned on the last day; and a few households' cars appraised in IQD.
 */
export function generateDemoProperty(households: readonly Household[]): PropertyLedger {
  const site = 'Camp Meridian';
  const appraisedOn = addDays(demoWindow.end, -400);
  const assets: LedgerAsset[] = lots.map((l) => ({
    id: l.id,
    scope: 'collective',
    householdId: null,
    description: l.what,
    category: l.category,
    quantity: l.quantity,
    location: site,
    appraisedMinor: l.quantity * l.unitUsd * 100,
    currency: 'USD',
    appraisedOn,
    abandonedOn: demoWindow.end,
    abandonNote: 'left at the camp on the final departure',
  }));
  households.slice(0, 3).forEach((h, k) => {
    assets.push({
      id: `A-HH-${k + 1}`,
      scope: 'household',
      householdId: h.id,
      description: 'Family car',
      category: 'vehicles',
      quantity: 1,
      location: site,
      appraisedMinor: [9_500_000, 12_000_000, 7_250_000][k]! * 1000,
      currency: 'IQD',
      appraisedOn,
      abandonedOn: demoWindow.end,
      abandonNote: null,
    });
  });
  const ids = lots.map((l) => l.id);
  const offers: Offer[] = [
    {
      id: 'O-001',
      assetIds: ids,
      buyer: 'Investor consortium (synthetic)',
      amountMinor: 10_700_000 * 100,
      currency: 'USD',
      date: addDays(demoWindow.end, -380),
      status: 'blocked',
    },
  ];
  const restrictions: Restriction[] = [
    {
      id: 'R-001',
      assetIds: ids,
      imposedBy: 'local authorities (synthetic)',
      date: addDays(demoWindow.end, -360),
      permittedFraction: 0.1,
      priceCapFraction: 0.25,
      blocked: false,
      note: 'only a tenth of the property may be sold, at no more than a quarter of its value',
    },
  ];
  const sales: Sale[] = lots.map((l, k) => ({
    id: `S-${String(k + 1).padStart(3, '0')}`,
    assetId: l.id,
    quantity: l.quantity / 10,
    amountMinor: (l.quantity / 10) * l.unitUsd * 25,
    currency: 'USD',
    date: addDays(demoWindow.end, -200 + k * 20),
    buyer: 'Local buyers (synthetic)',
  }));
  return { assets, offers, restrictions, sales };
}

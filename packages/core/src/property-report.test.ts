import { describe, expect, it } from 'vitest';
import type { LedgerAsset, PropertyLedger } from './property.js';
import { propertyReport } from './property-report.js';

function buildAsset(over: Partial<LedgerAsset>): LedgerAsset {
  return {
    id: 'A',
    scope: 'collective',
    householdId: null,
    description: 'x',
    category: 'generators',
    quantity: 10,
    location: 'camp',
    appraisedMinor: 1000,
    currency: 'USD',
    appraisedOn: '2030-01-01' as LedgerAsset['appraisedOn'],
    abandonedOn: null,
    abandonNote: null,
    ...over,
  };
}
const day = '2030-02-01' as LedgerAsset['appraisedOn'];

describe('the property report', () => {
  const ledger: PropertyLedger = {
    assets: [
      buildAsset({ id: 'A1', appraisedMinor: 3000 }),
      buildAsset({ id: 'A2', appraisedMinor: 1000, category: 'vehicles' }),
      buildAsset({ id: 'A3', appraisedMinor: 5000, currency: 'EUR', abandonedOn: day }),
    ],
    offers: [
      {
        id: 'O1',
        assetIds: ['A1', 'A2'],
        buyer: 'b',
        amountMinor: 2000,
        currency: 'USD',
        date: day,
        status: 'blocked',
      },
      {
        id: 'O2',
        assetIds: ['A1'],
        buyer: 'c',
        amountMinor: 9000,
        currency: 'USD',
        date: day,
        status: 'withdrawn',
      },
    ],
    restrictions: [
      {
        id: 'R1',
        assetIds: ['A1', 'A2'],
        imposedBy: 'x',
        date: day,
        permittedFraction: 0.5,
        priceCapFraction: 0.5,
        blocked: false,
        note: null,
      },
      {
        id: 'R2',
        assetIds: ['A1'],
        imposedBy: 'y',
        date: day,
        permittedFraction: 0.1,
        priceCapFraction: null,
        blocked: false,
        note: null,
      },
      {
        id: 'R3',
        assetIds: ['A2'],
        imposedBy: 'z',
        date: day,
        permittedFraction: 1,
        priceCapFraction: null,
        blocked: true,
        note: null,
      },
    ],
    sales: [
      {
        id: 'S1',
        assetId: 'A3',
        quantity: 4,
        amountMinor: 700,
        currency: 'EUR',
        date: day,
        buyer: 'd',
      },
    ],
  };

  it('splits a lot offer by appraised value, ignores withdrawn offers, applies the tightest restriction', () => {
    const r = propertyReport(ledger);
    const row = (c: string) => r.rows.find((x) => x.category === c && x.currency === 'USD')!;
    expect(row('generators')).toMatchObject({
      offered: 1500,
      permitted: 150,
      realised: 0,
      loss: 3000,
    });
    expect(row('vehicles')).toMatchObject({ offered: 500, permitted: 0, lossAgainstOffer: 500 });
  });

  it('keeps one total per currency and values the abandoned rest', () => {
    const r = propertyReport(ledger);
    expect(r.totals.map((t) => t.currency)).toEqual(['EUR', 'USD']);
    expect(r.totals[0]).toMatchObject({
      appraised: 5000,
      realised: 700,
      abandoned: 3000,
      loss: 4300,
    });
    expect(r.totals[1]).toMatchObject({
      assets: 2,
      appraised: 4000,
      offered: 2000,
      permitted: 150,
    });
  });
});

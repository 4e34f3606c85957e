import { generateDemo, generateDemoProperty, type Asset } from '@corridor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };

function buildAsset(over: Partial<Asset> = {}): Asset {
  return {
    id: 'A-1',
    scope: 'collective',
    householdId: null,
    description: 'Generators',
    category: 'generators',
    quantity: 10,
    location: 'camp',
    appraisedMinor: 1_000_000,
    currency: 'USD',
    appraisedOn: '2030-01-01' as Asset['appraisedOn'],
    ...over,
  };
}

describe.each(backends)('the property ledger on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  const demo = generateDemo({ people: 40 });
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
  });
  afterEach(async () => close());

  it('reports the demo: 10.7 M USD offered, 10% at a quarter of value permitted and realised', async () => {
    await store.property.add(generateDemoProperty(demo.households), admin);
    const report = await store.property.report();
    const usd = report.totals.find((t) => t.currency === 'USD')!;
    expect(usd).toMatchObject({
      assets: 5,
      appraised: 1_070_000_000,
      offered: 1_070_000_000,
      permitted: 26_750_000,
      realised: 26_750_000,
      loss: 1_070_000_000 - 26_750_000,
      abandoned: Math.round(1_070_000_000 * 0.9),
    });
    // Household cars in IQD stay a total of their own, never added to dollars.
    const iqd = report.totals.find((t) => t.currency === 'IQD')!;
    expect(iqd).toMatchObject({ assets: 3, appraised: 28_750_000_000, realised: 0 });
    const vehicles = report.rows.filter((r) => r.category === 'vehicles').map((r) => r.currency);
    expect(vehicles).toEqual(['IQD', 'USD']);
    const ledger = await store.property.ledger();
    expect(ledger.offers[0]!.assetIds).toHaveLength(5);
    expect(ledger.assets.find((a) => a.id === 'A-BLD')!.abandonedOn).toBe('2031-06-30');
  });

  it('refuses negative values, unknown currencies and broken references, writing nothing', async () => {
    const bad = store.property.add(
      {
        assets: [
          buildAsset(),
          buildAsset({ id: 'A-2', appraisedMinor: -5 }),
          buildAsset({ id: 'A-3', currency: 'XYZ' }),
        ],
      },
      admin,
    );
    await expect(bad).rejects.toThrow(
      /asset A-2: appraisedMinor must not be negative; asset A-3: currency must be an ISO 4217/,
    );
    await store.property.add({ assets: [buildAsset()] }, admin);
    const sale = { id: 'S-1', assetId: 'A-1', quantity: 11, amountMinor: 10, currency: 'EUR' };
    await expect(
      store.property.add(
        { sales: [{ ...sale, date: '2030-02-01' as Asset['appraisedOn'], buyer: 'b' }] },
        admin,
      ),
    ).rejects.toThrow(
      /currency EUR differs .*USD; sale S-1: quantity would bring sales of A-1 above/,
    );
    await expect(
      store.property.add(
        {
          offers: [
            {
              id: 'O-1',
              assetIds: ['A-404'],
              buyer: 'x',
              amountMinor: 1,
              currency: 'USD',
              date: '2030-01-01' as Asset['appraisedOn'],
              status: 'open',
            },
          ],
        },
        admin,
      ),
    ).rejects.toThrow(/offer O-1: assetIds names unknown asset A-404/);
    const ledger = await store.property.ledger();
    expect([ledger.assets.length, ledger.sales.length, ledger.offers.length]).toEqual([1, 0, 0]);
  });

  it('checks concurrent sales one after the other, never selling more than there is', async () => {
    await store.property.add({ assets: [buildAsset()] }, admin);
    const sale = (k: number) => ({
      id: `S-${k}`,
      assetId: 'A-1',
      quantity: 3,
      amountMinor: 100,
      currency: 'USD',
      date: '2030-02-01' as Asset['appraisedOn'],
      buyer: 'b',
    });
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((k) => store.property.add({ sales: [sale(k)] }, admin)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.map((r) => String(r.reason))).toEqual([
      expect.stringMatching(/above its 10/),
      expect.stringMatching(/above its 10/),
    ]);
    expect((await store.property.ledger()).sales).toHaveLength(3);
  });

  it('blocks sales under a blocking restriction and after abandonment', async () => {
    await store.property.add({ assets: [buildAsset(), buildAsset({ id: 'A-2' })] }, admin);
    await store.property.add(
      {
        restrictions: [
          {
            id: 'R-1',
            assetIds: ['A-1'],
            imposedBy: 'authority',
            date: '2030-01-02' as Asset['appraisedOn'],
            permittedFraction: 0,
            priceCapFraction: null,
            blocked: true,
            note: null,
          },
        ],
      },
      admin,
    );
    const sale = (id: string, assetId: string, date: string) => ({
      id,
      assetId,
      quantity: 1,
      amountMinor: 100,
      currency: 'USD',
      date: date as Asset['appraisedOn'],
      buyer: 'b',
    });
    await expect(
      store.property.add({ sales: [sale('S-1', 'A-1', '2030-02-01')] }, admin),
    ).rejects.toThrow(/blocked by restriction R-1/);
    await store.property.abandon(
      { assetId: 'A-2', date: '2030-03-01' as never, note: null },
      admin,
    );
    await expect(
      store.property.add({ sales: [sale('S-2', 'A-2', '2030-04-01')] }, admin),
    ).rejects.toThrow(/after A-2 was abandoned/);
    const report = await store.property.report();
    expect(report.totals[0]).toMatchObject({ permitted: 1_000_000, abandoned: 1_000_000 });
  });
});

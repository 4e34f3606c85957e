/** The property ledger (M9): read it and its report; add assets, offers, restrictions, sales; abandon. */
import {
  AbandonmentSchema,
  assetCategories,
  AssetSchema,
  IdSchema,
  IsoDateSchema,
  OfferSchema,
  RestrictionSchema,
  SaleSchema,
  type LedgerAsset,
} from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const AssetOut = z.object({
  id: z.string(),
  scope: z.enum(['collective', 'household']),
  householdId: z.string().nullable(),
  description: z.string(),
  category: z.enum(assetCategories),
  quantity: z.number().int(),
  location: z.string(),
  appraisedMinor: z.number().int().describe('in the minor unit of `currency` (cents for USD)'),
  currency: z.string(),
  appraisedOn: z.string(),
  abandonedOn: z.string().nullable(),
  abandonNote: z.string().nullable(),
});

const Figures = z.object({
  currency: z.string(),
  assets: z.number().int(),
  appraised: z.number().int(),
  offered: z.number().int(),
  permitted: z.number().int(),
  realised: z.number().int(),
  abandoned: z.number().int(),
  loss: z.number().int(),
  lossAgainstOffer: z.number().int(),
});

/** `GET /api/property`: the whole ledger. */
export const propertyLedgerRoute = defineRoute('GET /api/property', {
  tag: 'property',
  summary: 'The property ledger: assets, offers, restrictions and sales (money in minor units)',
  response: z.object({
    assets: z.array(AssetOut),
    offers: z.array(OfferSchema),
    restrictions: z.array(RestrictionSchema),
    sales: z.array(SaleSchema),
  }),
  handler: ({ store }) => store.property.ledger(),
});

/** `GET /api/property/report`: as `corridor property report --json`. */
export const propertyReportRoute = defineRoute('GET /api/property/report', {
  tag: 'property',
  summary: 'Appraised vs offered vs permitted vs realised, and the loss, per category and currency',
  description: 'Totals are per currency; amounts in different currencies are never added up.',
  response: z.object({
    rows: z.array(Figures.extend({ category: z.enum(assetCategories) })),
    totals: z.array(Figures),
  }),
  handler: ({ store }) => store.property.report(),
});

const added = z.object({ added: z.number().int() });

/** `POST /api/property/assets`: adds assets (all or nothing). */
export const addAssetsRoute = defineRoute('POST /api/property/assets', {
  tag: 'property',
  summary: 'Add assets to the ledger (all or nothing)',
  body: z.object({ assets: z.array(AssetSchema).min(1).max(10_000) }),
  response: added,
  status: 201,
  handler: async ({ body, store, actor }) => {
    await store.property.add({ assets: body.assets }, actor);
    return { added: body.assets.length };
  },
});

/** `POST /api/property/offers`: records an offer for one asset or a lot. */
export const addOfferRoute = defineRoute('POST /api/property/offers', {
  tag: 'property',
  summary: 'Record an offer (its currency must be the assets’ currency)',
  body: OfferSchema,
  response: added,
  status: 201,
  handler: async ({ body, store, actor }) => {
    await store.property.add({ offers: [body] }, actor);
    return { added: 1 };
  },
});

/** `POST /api/property/restrictions`: records a restriction imposed on sales. */
export const addRestrictionRoute = defineRoute('POST /api/property/restrictions', {
  tag: 'property',
  summary: 'Record a restriction: permitted fraction, price cap, or a block',
  body: RestrictionSchema,
  response: added,
  status: 201,
  handler: async ({ body, store, actor }) => {
    await store.property.add({ restrictions: [body] }, actor);
    return { added: 1 };
  },
});

/** `POST /api/property/sales`: records a sale that took place. */
export const addSaleRoute = defineRoute('POST /api/property/sales', {
  tag: 'property',
  summary: 'Record a sale (refused when blocked, after abandonment or beyond the quantity)',
  body: SaleSchema,
  response: added,
  status: 201,
  handler: async ({ body, store, actor }) => {
    await store.property.add({ sales: [body] }, actor);
    return { added: 1 };
  },
});

/** `POST /api/property/assets/:id/abandon`: what is left of an asset was left behind. */
export const abandonAssetRoute = defineRoute('POST /api/property/assets/:id/abandon', {
  tag: 'property',
  summary: 'Mark what is left of an asset as abandoned on a day',
  params: z.object({ id: IdSchema }),
  body: z.object({ date: IsoDateSchema, note: AbandonmentSchema.shape.note }),
  response: AssetOut,
  handler: async ({ params, body, store, actor }): Promise<LedgerAsset> =>
    store.property.abandon({ assetId: params.id, date: body.date, note: body.note }, actor),
});

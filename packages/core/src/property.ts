/** The property ledger's records (M9): assets, offers, restrictions, sales; money in minor units. */
import { z } from 'zod';
import { isCurrency } from './currencies.js';
import { IdSchema, IsoDateSchema } from './schemas.js';

/** Kinds of asset, the rows of the property report. */
export const assetCategories = [
  'buildings',
  'vehicles',
  'generators',
  'utilities',
  'equipment',
  'furniture',
  'stock',
  'livestock',
  'other',
] as const;
/** One kind of asset. */
export type AssetCategory = (typeof assetCategories)[number];

/** An ISO 4217 currency code in circulation. */
export const CurrencySchema = z
  .string()
  .refine(isCurrency, { message: 'must be an ISO 4217 currency code such as USD, EUR or IQD' });

/** An amount of money in the currency's minor units (cents, fils): a whole number, never negative. */
export const MinorUnitsSchema = z
  .number()
  .int('must be a whole number of minor units (cents)')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** A fraction from 0 to 1 (10% is 0.1). */
const FractionSchema = z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');

/** An asset: collective (the residents' common property) or one household's. */
export const AssetSchema = z
  .object({
    id: IdSchema,
    scope: z.enum(['collective', 'household']),
    householdId: IdSchema.nullable(),
    description: z.string().trim().min(1).max(500),
    category: z.enum(assetCategories),
    quantity: z.number().int().min(1, 'must be at least 1'),
    location: z.string().trim().min(1).max(200),
    appraisedMinor: MinorUnitsSchema,
    currency: CurrencySchema,
    appraisedOn: IsoDateSchema,
  })
  .refine((a) => (a.scope === 'household') === (a.householdId !== null), {
    message: 'a household asset names its household; a collective one names none',
    path: ['householdId'],
  });
/** An asset as recorded. */
export type Asset = z.infer<typeof AssetSchema>;

/** What became of an offer. */
export const offerStatuses = ['open', 'accepted', 'refused', 'blocked', 'withdrawn'] as const;

/** A buyer's offer for one asset or a lot of several (split over them by appraised value). */
export const OfferSchema = z.object({
  id: IdSchema,
  assetIds: z.array(IdSchema).min(1, 'must name at least one asset'),
  buyer: z.string().trim().min(1).max(200),
  amountMinor: MinorUnitsSchema,
  currency: CurrencySchema,
  date: IsoDateSchema,
  status: z.enum(offerStatuses),
});
/** An offer as recorded. */
export type Offer = z.infer<typeof OfferSchema>;

/** A restriction an authority imposed on selling assets. */
export const RestrictionSchema = z.object({
  id: IdSchema,
  assetIds: z.array(IdSchema).min(1, 'must name at least one asset'),
  imposedBy: z.string().trim().min(1).max(200),
  date: IsoDateSchema,
  permittedFraction: FractionSchema.describe('share of the quantity that may be sold'),
  priceCapFraction: FractionSchema.nullable().describe(
    'highest price as a share of appraised value',
  ),
  blocked: z.boolean().describe('no sale at all'),
  note: z.string().max(1000).nullable(),
});
/** A restriction as recorded. */
export type Restriction = z.infer<typeof RestrictionSchema>;

/** A sale that took place: part (or all) of an asset's quantity for an amount. */
export const SaleSchema = z.object({
  id: IdSchema,
  assetId: IdSchema,
  quantity: z.number().int().min(1, 'must be at least 1'),
  amountMinor: MinorUnitsSchema,
  currency: CurrencySchema,
  date: IsoDateSchema,
  buyer: z.string().trim().min(1).max(200),
});
/** A sale as recorded. */
export type Sale = z.infer<typeof SaleSchema>;

/** Leaving what is left of an asset behind. */
export const AbandonmentSchema = z.object({
  assetId: IdSchema,
  date: IsoDateSchema,
  note: z.string().max(1000).nullable(),
});
/** An abandonment as recorded. */
export type Abandonment = z.infer<typeof AbandonmentSchema>;

/** An asset with what happened to it. */
export interface LedgerAsset extends Asset {
  abandonedOn: string | null;
  abandonNote: string | null;
}

/** The whole ledger, as the report reads it. */
export interface PropertyLedger {
  assets: LedgerAsset[];
  offers: Offer[];
  restrictions: Restriction[];
  sales: Sale[];
}

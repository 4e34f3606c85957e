/** Output shapes the property commands share with the API and the CLI's `--json`. */
import { assetCategories, OfferSchema, RestrictionSchema, SaleSchema } from '@corridor/core';
import { z } from 'zod';

/** An asset as the ledger holds it, abandonment included. */
export const LedgerAssetOut = z.object({
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

/** The whole ledger. */
export const LedgerOut = z.object({
  assets: z.array(LedgerAssetOut),
  offers: z.array(OfferSchema),
  restrictions: z.array(RestrictionSchema),
  sales: z.array(SaleSchema),
});

/** What a write added: how many records and their ids. */
export const AddedOut = z.object({
  added: z.number().int(),
  ids: z.array(z.string()),
});

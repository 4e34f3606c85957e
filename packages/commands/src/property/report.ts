/** `property.report`: appraised vs offered vs permitted vs realised, and the loss. */
import { assetCategories } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

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

/** The loss report per category and currency; amounts in different currencies are never added. */
export const propertyReport = defineCommand({
  name: 'property.report',
  summary: 'Appraised vs offered vs permitted vs realised, and the loss, per category and currency',
  input: z.object({}),
  output: z.object({
    rows: z.array(Figures.extend({ category: z.enum(assetCategories) })),
    totals: z.array(Figures),
  }),
  permission: 'property.read',
  audit: null,
  run: ({ store }) => store.property.report(),
});

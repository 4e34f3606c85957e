/** Reading an allocation (M4): why a case goes where it goes, and whether groups fare alike. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { allocationFairness, explainCase } from '../planning/allocation-views.js';
import { defineRoute } from '../route.js';

const Fit = z.object({
  rank: z.number(),
  tie: z.number(),
  language: z.number(),
  medicalFit: z.number(),
  integration: z.number(),
  total: z.number(),
});
const WhyNot = z.union([
  z.object({
    destination: z.string(),
    eligible: z.literal(false),
    rules: z.array(z.string()).describe('the eligibility rules that exclude it'),
  }),
  z.object({
    destination: z.string(),
    eligible: z.literal(true),
    points: z.number(),
    gain: z.number(),
    priceCost: z.number(),
    scarce: z.array(z.object({ resource: z.string(), price: z.number(), amount: z.number() })),
    verdict: z.enum(['lower-fit', 'scarce-capacity', 'linked-case', 'plan-trade-off']),
  }),
]);

/** `GET /api/allocation/explain/:householdId`: like `corridor allocate explain CASE --json`. */
export const explainRoute = defineRoute('GET /api/allocation/explain/:householdId', {
  tag: 'planning',
  summary: 'Why a case goes where the current allocation puts it, and why not elsewhere',
  params: z.object({ householdId: IdSchema }),
  response: z.object({
    case: z.string(),
    destination: z.string().nullable(),
    persons: z.number().int(),
    here: z.object({ destination: z.string(), fit: Fit, points: z.number() }).nullable(),
    others: z.array(WhyNot),
    linkedWith: z.array(z.string()),
  }),
  handler: ({ params, store }) => explainCase(store, params.householdId),
});

const Overall = z.object({
  cases: z.number().int(),
  firstChoice: z.number(),
  anyChoice: z.number(),
  meanRank: z.number(),
  unplaced: z.number().int(),
});
const Group = Overall.extend({
  dimension: z.string(),
  group: z.string(),
  z: z.number(),
  flagged: z.boolean(),
});

/** `GET /api/allocation/fairness`: like `corridor allocate fairness --json`. */
export const fairnessRoute = defineRoute('GET /api/allocation/fairness', {
  tag: 'planning',
  summary:
    'Achieved preference rank by household size, needs and origin; flags groups that fare worse',
  response: z.object({ overall: Overall, groups: z.array(Group), flagged: z.array(Group) }),
  handler: ({ store }) => allocationFairness(store),
});

/** The shapes of an allocation's explanation and fairness audit (`--json` and the API alike). */
import { z } from 'zod';

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

/** Why a case goes where it goes, and why not each other destination. */
export const ExplanationSchema = z.object({
  case: z.string(),
  destination: z.string().nullable(),
  persons: z.number().int(),
  here: z.object({ destination: z.string(), fit: Fit, points: z.number() }).nullable(),
  others: z.array(WhyNot),
  linkedWith: z.array(z.string()),
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

/** Achieved preference rank overall and per group, and the groups that fare worse. */
export const FairnessSchema = z.object({
  overall: Overall,
  groups: z.array(Group),
  flagged: z.array(Group),
});

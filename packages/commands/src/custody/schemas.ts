/** Shapes the custody commands share with the API and the CLI's `--json`. */
import { belongingCategories, custodyKinds, personal } from '@corridor/core';
import { z } from 'zod';

/** The protected part of an event: null for roles that may not see it, or once the owner was erased. */
const DetailOut = personal(
  'custodyDetail',
  z.object({
    to: z.string().nullable(),
    by: z.string().nullable(),
    witness: z.string().nullable(),
    place: z.string().nullable(),
    receipt: z.string().nullable(),
    note: z.string().nullable(),
  }),
);

/** A custody event in its item's chain. */
export const CustodyEventOut = z.object({
  itemId: z.string(),
  seq: z.number().int(),
  kind: z.enum(custodyKinds),
  at: z.string(),
  detail: DetailOut,
  actor: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

/** A belonging with its state and every event. */
export const BelongingOut = z.object({
  id: z.string(),
  personId: z.string(),
  category: z.enum(belongingCategories),
  description: personal('custodyDetail', z.string()),
  status: z.enum([...custodyKinds, 'recorded']),
  events: z.array(CustodyEventOut),
});

/** The result of checking every chain. */
export const CustodyVerdictOut = z.object({
  ok: z.boolean(),
  items: z.number().int(),
  events: z.number().int(),
  problems: z.array(z.string()).optional(),
});

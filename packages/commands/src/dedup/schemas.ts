/** A pair of the duplicates review queue, as every interface shows it. */
import { personal } from '@corridor/core';
import { z } from 'zod';

/** Where a pair stands in the review. */
export const PairStatus = z.enum(['open', 'merged', 'distinct']);

/** A pair of persons that may be one person; the review note is shown by the field policy. */
export const PairOut = z.object({
  id: z.number().int(),
  a: z.string(),
  b: z.string(),
  rule: z.string(),
  score: z.number(),
  status: PairStatus,
  decidedBy: z.string().nullable(),
  note: personal('caseNotes', z.string().nullable()),
});
/** A pair of the review queue (the type the web imports). */
export type PairOut = z.infer<typeof PairOut>;

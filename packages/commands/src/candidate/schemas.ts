/** Shapes the candidate commands share with the API and the CLI's `--json`. */
import { CandidateMovementSchema } from '@corridor/core';
import { z } from 'zod';

/** A stored candidate with its cost as people read it (`120,000.00 USD`). */
export const CandidateOut = CandidateMovementSchema.extend({ cost: z.string() });

/** Every candidate, by earliest day. */
export const CandidateListOut = z.object({ candidates: z.array(CandidateOut) });

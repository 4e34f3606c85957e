/** `pledge.value`: what one more place at each destination is worth, for negotiators (issue 22). */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { placeValues } from '../planning/allocation-views.js';

const Kinds = z.object({
  persons: z.number(),
  cases: z.number(),
  medical: z.number(),
  disability: z.number(),
});

/** Per destination: its places, their use, their prices and the households more would move. */
export const pledgeValue = defineCommand({
  name: 'pledge.value',
  summary:
    'What one more place at each destination is worth in the current allocation, and which households it would move',
  input: z.object({
    top: z.coerce
      .number()
      .int()
      .min(0)
      .max(100)
      .default(5)
      .describe('households listed per destination'),
  }),
  output: z.array(
    z.object({
      destinationId: z.string(),
      capacity: Kinds.describe('places pledged (all periods of the destination pooled)'),
      used: Kinds.describe('places the current allocation uses'),
      prices: Kinds.describe(
        'points one more place of each kind is worth (the engine’s resource prices; 0: not scarce)',
      ),
      waiting: z
        .object({ cases: z.number().int(), persons: z.number().int() })
        .describe('households that would fit better there than where they are (or than nowhere)'),
      wouldMove: z.array(
        z.object({
          case: z.string(),
          persons: z.number().int(),
          from: z.string().nullable(),
          gain: z.number(),
        }),
      ),
    }),
  ),
  permission: 'plan.read',
  audit: null,
  run: ({ store }, { top }) => placeValues(store, top),
});

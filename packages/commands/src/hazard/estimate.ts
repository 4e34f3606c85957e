/** `hazard.estimate`: the daily incident rate at the camp, from the incident log. */
import { defaultHazardPrior, errors, IsoDateSchema } from '@corridor/core';
import { hazardFrom } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { decimal } from '../numbers.js';

/** Observed, mean and 90% upper quantile per day; days default to the operation's window. */
export const hazardEstimate = defineCommand({
  name: 'hazard.estimate',
  summary: 'Daily incident rate at the camp: observed, mean and 90% upper quantile',
  input: z.object({
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    priorRate: decimal(0, 100)
      .refine((n) => n > 0, 'must be more than 0')
      .optional()
      .describe(`expected incidents per day before any data (default ${defaultHazardPrior})`),
  }),
  output: z.array(
    z.object({ day: z.string(), observed: z.number(), mean: z.number(), upper90: z.number() }),
  ),
  permission: 'incident.read',
  audit: null,
  async run({ store }, input) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const from = input.from ?? op.windowStart;
    const to = input.to ?? op.windowEnd;
    if (from > to) throw errors.invalidInput('from must not be after to');
    if (Date.parse(to) - Date.parse(from) > 3660 * 86_400_000)
      throw errors.invalidInput('from and to may be at most ten years apart');
    return hazardFrom(store, from, to, input.priorRate ?? defaultHazardPrior);
  },
});

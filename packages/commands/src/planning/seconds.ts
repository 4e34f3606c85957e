/** The inputs the long planning commands share: how long the optimiser may search, the hazard. */
import { defaultHazardPrior } from '@corridor/core';
import { decimal } from '../numbers.js';

/** Seconds the optimiser may search (the CLI's `--time-limit`, the API's `timeLimit`). */
export const TimeLimitSchema = decimal(0, 3600)
  .refine((n) => n > 0, 'must be more than 0')
  .optional()
  .describe('seconds the optimiser may search (default 10)');

/** Expected incidents per day at the camp when the incident log says little. */
export const HazardRateSchema = decimal(0, 100)
  .optional()
  .describe(`expected incidents per day at the camp (default ${defaultHazardPrior})`);

/** Milliseconds from an optional number of seconds (default 10 s). */
export function limitMs(seconds: number | undefined): number {
  return Math.round((seconds ?? 10) * 1000);
}

/** `pledge.history`: how destinations' rules and pledges changed, newest first (issue 22). */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PledgeChangeOut } from './schemas.js';

/** Every change of a destination's rules or pledges: who, when, why, before and after. */
export const pledgeHistory = defineCommand({
  name: 'pledge.history',
  summary:
    "Changes of destinations' rules and pledges, newest first: who, when, why, before, after",
  input: z.object({
    destinationId: IdSchema.optional().describe('only this destination'),
    limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  }),
  output: z.array(PledgeChangeOut),
  permission: 'registry.readDestinations',
  audit: null,
  run: ({ store }, { destinationId, limit }) => store.pledges.changes(destinationId, limit),
});

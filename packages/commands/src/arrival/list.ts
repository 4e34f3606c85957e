/** `arrival.list` and `arrival.followUps`: confirmations, and the follow-ups due or made. */
import { booleanInput, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ConfirmationOut, confirmationOf, dayOf, followUpOf, FollowUpOut } from './schemas.js';

export const listArrivals = defineCommand({
  name: 'arrival.list',
  summary: 'Arrival confirmations, newest first (of one case with caseId)',
  input: z.object({ caseId: IdSchema.optional().describe('only this case') }),
  output: z.array(ConfirmationOut),
  permission: 'arrival.read',
  audit: null,
  async run(ctx, input) {
    return (await ctx.store.arrivals.confirmations(input.caseId)).map(confirmationOf);
  },
});

export const listFollowUps = defineCommand({
  name: 'arrival.followUps',
  summary: 'Follow-ups 1, 3 and 12 months after arrival, earliest due first (filters: case, due)',
  input: z.object({
    caseId: IdSchema.optional().describe('only this case'),
    due: booleanInput().optional().describe('only those not made and due by today'),
  }),
  output: z.array(FollowUpOut),
  permission: 'arrival.read',
  audit: null,
  async run(ctx, input) {
    const today = dayOf(ctx.now);
    const rows = await ctx.store.arrivals.followUps({
      ...(input.caseId ? { householdId: input.caseId } : {}),
      ...(input.due ? { dueBy: today } : {}),
    });
    return rows.map((f) => followUpOf(f, today));
  },
});

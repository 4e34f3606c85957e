/** `arrival.followUp`: records what a follow-up contact after arrival found (an outcome code). */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import {
  caseStatus,
  dayOf,
  DayInput,
  followUpOf,
  FollowUpOut,
  MonthInput,
  notInFuture,
  OutcomeInput,
} from './schemas.js';

const command = 'arrival.followUp';

export const recordFollowUp = defineCommand({
  name: command,
  summary: 'Record a follow-up contact 1, 3 or 12 months after arrival, with its outcome',
  input: z.object({
    caseId: IdSchema.describe('the case followed up'),
    month: MonthInput,
    outcome: OutcomeInput,
    doneOn: DayInput.optional().describe('the day of the contact (default: today)'),
  }),
  output: FollowUpOut,
  permission: 'arrival.followUp',
  audit: 'arrival.follow-up',
  async run(ctx, input) {
    await caseStatus(ctx, command, input.caseId);
    const doneOn = input.doneOn ?? dayOf(ctx.now);
    notInFuture(command, 'doneOn', doneOn, ctx.now);
    const arrivedOn = (await ctx.store.arrivals.confirmations(input.caseId))
      .map((c) => c.arrivedOn)
      .sort()[0];
    if (arrivedOn && doneOn < arrivedOn) {
      const message = `is before the arrival on ${arrivedOn}`;
      throw errors.invalidInput(`invalid input for ${command} at doneOn: ${message}`, {
        issues: [{ path: 'doneOn', message }],
      });
    }
    const stored = await ctx.store.arrivals.recordFollowUp(
      { householdId: input.caseId, month: input.month, doneOn, outcome: input.outcome },
      ctx.actor,
    );
    if (!stored)
      throw errors.invalidTransition(
        `case ${input.caseId}: has no follow-up at ${input.month} months; follow-ups start when its arrival is confirmed`,
      );
    return followUpOf(stored, dayOf(ctx.now));
  },
});

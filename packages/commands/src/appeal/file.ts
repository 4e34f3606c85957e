/** `appeal.file`: a household appeals against its allocation; the explanation is re-run and kept. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { existingCase } from '../case/existing-case.js';
import { wordsInput } from '../grievance/schemas.js';
import { explainCase } from '../planning/allocation-views.js';
import { AppealOut, appealOf, existingDestination } from './schemas.js';

/**
 * Files an appeal against the current allocation of a case: the grounds are sealed under the
 * members' keys; the allocation's explanation for the case ("why here, why not there") is run now
 * and stored with the appeal, so the decision is taken on what the plan said when it was appealed.
 */
export const fileAppeal = defineCommand({
  name: 'appeal.file',
  summary:
    'Appeal against a case’s allocation: the grounds sealed, the explanation re-run and kept',
  input: z.object({
    caseId: IdSchema.describe('the case whose allocation is appealed'),
    grounds: wordsInput('grounds').describe('why the household appeals (sealed)'),
    requestedDestinationId: IdSchema.optional().describe('the destination the household asks for'),
  }),
  output: AppealOut,
  permission: 'appeal.file',
  audit: 'appeal.file',
  async run(ctx, input) {
    await existingCase(ctx, 'appeal.file', 'caseId', input.caseId);
    if (input.requestedDestinationId)
      await existingDestination(
        ctx,
        'appeal.file',
        'requestedDestinationId',
        input.requestedDestinationId,
      );
    const open = await ctx.store.grievances.appeals({ householdId: input.caseId, status: 'filed' });
    if (open.length > 0)
      throw errors.conflict(
        `case ${input.caseId} already has an appeal waiting for a decision (${open[0]!.id})`,
      );
    const plan = await ctx.store.plans.current('allocation');
    const explanation = await explainCase(ctx.store, input.caseId);
    const filed = await ctx.store.grievances.fileAppeal(
      {
        householdId: input.caseId,
        grounds: input.grounds,
        requestedDestinationId: input.requestedDestinationId ?? null,
        planId: plan!.id,
        destinationId: explanation.destination,
        explanation: explanation as unknown as Record<string, unknown>,
      },
      ctx.actor,
    );
    return appealOf(filed);
  },
});

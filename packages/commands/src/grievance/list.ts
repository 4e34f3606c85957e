/** `grievance.list`: the grievance log, earliest deadline first. */
import { booleanInput, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { GrievanceRow, rowOf, seesConfidential, StatusInput } from './schemas.js';

/**
 * The log without the complaints' words, filtered by case, status or overdue. Confidential
 * grievances are left out, not redacted, for roles that may not see them: their existence is
 * part of what is hidden.
 */
export const listGrievances = defineCommand({
  name: 'grievance.list',
  summary: 'The grievance log, earliest deadline first (filters: case, status, overdue)',
  input: z.object({
    caseId: IdSchema.optional().describe('only this case'),
    status: StatusInput.optional(),
    overdue: booleanInput()
      .optional()
      .describe('only those waiting for an answer past their deadline'),
  }),
  output: z.array(GrievanceRow),
  permission: 'grievance.read',
  audit: null,
  async run(ctx, input) {
    const rows = await ctx.store.grievances.list({
      includeConfidential: seesConfidential(ctx),
      ...(input.caseId ? { householdId: input.caseId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.overdue ? { overdueAt: ctx.now } : {}),
    });
    return rows.map((g) => rowOf(g, ctx.now));
  },
});

/** `appeal.list`: appeals against allocations, newest first. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { AppealOut, appealOf } from './schemas.js';

/** Appeals, newest first, of one case or every case, by status. */
export const listAppeals = defineCommand({
  name: 'appeal.list',
  summary: 'Appeals against allocations, newest first (filters: case, status)',
  input: z.object({
    caseId: IdSchema.optional(),
    status: z
      .enum(['filed', 'upheld', 'rejected'], {
        error: 'status must be one of: filed, upheld, rejected',
      })
      .optional(),
  }),
  output: z.array(AppealOut),
  permission: 'appeal.read',
  audit: null,
  async run(ctx, input) {
    const appeals = await ctx.store.grievances.appeals({
      ...(input.caseId ? { householdId: input.caseId } : {}),
      ...(input.status ? { status: input.status } : {}),
    });
    return appeals.map(appealOf);
  },
});

/** `grievance.show`: one grievance with its words and history. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { GrievanceOut, grievanceOf, seesConfidential } from './schemas.js';

/** One grievance; a confidential one is "not found" for roles that may not see it, as an unknown id. */
export const showGrievance = defineCommand({
  name: 'grievance.show',
  summary: 'One grievance with its words (for roles that may read them) and its history',
  input: z.object({ id: IdSchema }),
  output: GrievanceOut,
  permission: 'grievance.read',
  audit: null,
  async run(ctx, { id }) {
    const g = await ctx.store.grievances.get(id, { includeConfidential: seesConfidential(ctx) });
    if (!g) throw errors.notFound('grievance', id);
    return grievanceOf(g, ctx.now);
  },
});

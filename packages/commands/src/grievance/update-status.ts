/** `grievance.updateStatus`: acknowledges, escalates, closes or reopens a grievance. */
import { errors, grievanceMoveProblem, IdSchema, type GrievanceStatus } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { GrievanceOut, grievanceOf, seesConfidential, StatusInput } from './schemas.js';

/** Moves a grievance along its statuses (the moves in core's `grievanceMoves`), with an optional sealed note. */
export const updateGrievanceStatus = defineCommand({
  name: 'grievance.updateStatus',
  summary: 'Acknowledge, escalate, close or reopen a grievance, with an optional note (sealed)',
  input: z.object({
    id: IdSchema,
    status: StatusInput,
    note: z.string().trim().min(1).max(10_000).optional().describe('why (sealed)'),
  }),
  output: GrievanceOut,
  permission: 'grievance.respond',
  audit: 'grievance.update-status',
  async run(ctx, input) {
    const g = await ctx.store.grievances.change(
      input.id,
      {
        kind: 'status',
        to: input.status,
        text: input.note ?? null,
        check: (from) => {
          const problem = grievanceMoveProblem(from as GrievanceStatus, input.status);
          if (problem) throw errors.invalidTransition(problem);
        },
      },
      ctx.actor,
      { includeConfidential: seesConfidential(ctx) },
    );
    return grievanceOf(g, ctx.now);
  },
});

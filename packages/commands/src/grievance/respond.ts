/** `grievance.respond`: records the answer given to a complaint, and closes it when asked. */
import {
  booleanInput,
  errors,
  grievanceMoveProblem,
  IdSchema,
  type GrievanceStatus,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { GrievanceOut, grievanceOf, seesConfidential, wordsInput } from './schemas.js';

/**
 * Records the answer (sealed like the complaint) and moves the grievance to `responded`, or to
 * `closed` with `close`; a closed grievance must be reopened first (409).
 */
export const respondGrievance = defineCommand({
  name: 'grievance.respond',
  summary: 'Record the answer given to a complaint (sealed), and close it when asked',
  input: z.object({
    id: IdSchema,
    text: wordsInput('text').describe('the answer given (sealed)'),
    close: booleanInput().default(false).describe('close the grievance with this answer'),
  }),
  output: GrievanceOut,
  permission: 'grievance.respond',
  audit: 'grievance.respond',
  async run(ctx, input) {
    const to: GrievanceStatus = input.close ? 'closed' : 'responded';
    const g = await ctx.store.grievances.change(
      input.id,
      {
        kind: 'response',
        to,
        text: input.text,
        check: (from) => {
          if (from === 'closed')
            throw errors.invalidTransition(
              `grievance ${input.id} is closed: reopen it (grievance update-status --status open) to answer again`,
            );
          if (from === to && to === 'responded') return;
          const problem = grievanceMoveProblem(from as GrievanceStatus, to);
          if (problem) throw errors.invalidTransition(problem);
        },
      },
      ctx.actor,
      { includeConfidential: seesConfidential(ctx) },
    );
    return grievanceOf(g, ctx.now);
  },
});

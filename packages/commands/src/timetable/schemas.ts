/** The shapes of the timetable and of a case's reassignment to another movement. */
import { MovementSchema } from '@corridor/core';
import { z } from 'zod';

/** The timetable (default) or the joint plan. */
export const TimetableKindSchema = z
  .enum(['timetable', 'joint'])
  .default('timetable')
  .describe('the timetable (default) or the joint plan');

/** A movement with the cases the current plan puts on it. */
export const TimetableRowSchema = MovementSchema.extend({
  cases: z.array(z.string()),
  casePersons: z.array(z.number().int()).describe('persons in each case, as `cases` lists them'),
  persons: z.number().int(),
});

/** Whether a case fits on another movement, finding by finding. */
export const ReassignCheckSchema = z.object({
  case: z.string(),
  persons: z.number().int(),
  destinationId: z.string().nullable().describe('where the case is allocated'),
  from: z.string().nullable().describe('the movement the case is on now'),
  to: z.string(),
  planId: z.number().int().describe('the plan checked against'),
  ok: z.boolean(),
  findings: z.array(z.object({ ok: z.boolean(), text: z.string() })),
});

/** What a reassignment saved: the check, the new plan version and the reason. */
export const ReassignResultSchema = ReassignCheckSchema.extend({
  plan: z.object({
    id: z.number().int(),
    version: z.number().int(),
    kind: z.enum(['timetable', 'joint']),
  }),
  reason: z.string(),
});

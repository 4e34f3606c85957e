/**
 * `timetable.reassignCase`: a planner moves one case to another movement by hand (not to be
 * confused with `case.transition`, a change of the case's status).
 */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { reassignCase } from '../planning/reassign.js';
import { ReassignResultSchema, TimetableKindSchema } from './schemas.js';

const why = 'say why the case moves (at least 3 characters)';

/** Saves a new plan version with the case on the movement and locks it there, in one transaction. */
export const timetableReassignCase = defineCommand({
  name: 'timetable.reassignCase',
  summary: 'Move a case to another movement by hand: a new plan version and a lock',
  input: z.object({
    case: IdSchema,
    movementId: IdSchema,
    reason: z.string({ error: why }).trim().min(3, why).max(500),
    kind: TimetableKindSchema,
  }),
  output: ReassignResultSchema,
  permission: 'plan.reassign',
  audit: 'plan.lock',
  run: ({ store, actor }, input) =>
    reassignCase(store, actor, {
      caseId: input.case,
      movementId: input.movementId,
      joint: input.kind === 'joint',
      reason: input.reason,
    }),
});

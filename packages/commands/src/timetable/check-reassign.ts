/** `timetable.checkReassign`: whether a case fits on another movement (nothing changes). */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { checkReassign } from '../planning/reassign.js';
import { ReassignCheckSchema, TimetableKindSchema } from './schemas.js';

/** Checks status, destination, seats and baggage of a case against a movement. */
export const timetableCheckReassign = defineCommand({
  name: 'timetable.checkReassign',
  summary: 'Check whether a case fits on another movement (status, destination, seats, baggage)',
  input: z.object({ case: IdSchema, movement: IdSchema, kind: TimetableKindSchema }),
  output: ReassignCheckSchema,
  permission: 'plan.reassign',
  audit: null,
  run: ({ store }, input) =>
    checkReassign(store, {
      caseId: input.case,
      movementId: input.movement,
      joint: input.kind === 'joint',
    }),
});

/** The shapes of plans and locks as every interface shows them (the API, `--json`, the web). */
import { z } from 'zod';
import { whole } from '../numbers.js';

/** The three planning problems of the one engine. */
export const PlanKindSchema = z.enum(['allocation', 'timetable', 'joint']);

/** A plan version without its assignments. */
export const PlanHeaderSchema = z.object({
  id: z.number().int(),
  kind: PlanKindSchema,
  version: z.number().int(),
  status: z.enum(['current', 'superseded']),
  parentId: z.number().int().nullable(),
  params: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.string(),
});

/** A plan version with each case's place in it. */
export const PlanSchema = PlanHeaderSchema.extend({
  assignments: z.array(
    z.object({
      householdId: z.string(),
      destinationId: z.string().nullable(),
      movementId: z.string().nullable(),
      locked: z.boolean(),
      reason: z.string(),
    }),
  ),
});

/** A planner's lock of a case to a destination and/or a movement. */
export const LockSchema = z.object({
  householdId: z.string(),
  destinationId: z.string().nullable(),
  movementId: z.string().nullable(),
  actor: z.string(),
  reason: z.string(),
  at: z.string(),
});

/** A plan id as typed in a path or on the command line. */
export const PlanIdSchema = whole(1, 2_147_483_647);

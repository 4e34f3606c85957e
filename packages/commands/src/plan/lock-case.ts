/** `plan.lockCase`: fixes a case to a destination and/or a movement in every later plan. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { LockSchema } from './schemas.js';

/** Locks a case (replacing its earlier lock); the case, destination and movement must exist. */
export const lockCase = defineCommand({
  name: 'plan.lockCase',
  summary: 'Fix a case to a destination (and optionally a movement) in every later plan',
  input: z.object({
    householdId: IdSchema,
    destinationId: IdSchema.nullable().optional(),
    movementId: IdSchema.nullable().optional(),
    reason: z.string().trim().min(3).max(500),
  }),
  output: LockSchema,
  permission: 'plan.lock',
  audit: 'plan.lock',
  async run({ store, actor }, input) {
    if (!input.destinationId && !input.movementId)
      throw errors.invalidInput('a lock needs a destinationId, a movementId or both');
    if (!(await store.registry.household(input.householdId)))
      throw errors.notFound('case', input.householdId);
    const destinations = await store.registry.destinations();
    if (input.destinationId && !destinations.some((d) => d.id === input.destinationId))
      throw errors.invalidInput(`destinationId: no destination ${input.destinationId}`);
    const movements = input.movementId ? await store.movements.list() : [];
    if (input.movementId && !movements.some((m) => m.id === input.movementId))
      throw errors.invalidInput(`movementId: no movement ${input.movementId}`);
    return store.plans.lock(
      {
        householdId: input.householdId,
        destinationId: input.destinationId ?? null,
        movementId: input.movementId ?? null,
        reason: input.reason,
      },
      actor,
    );
  },
});

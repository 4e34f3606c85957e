/** Planners' locks: a case fixed to a destination (and optionally a movement) in later plans. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const CaseParams = z.object({ id: IdSchema });

const LockSchema = z.object({
  householdId: z.string(),
  destinationId: z.string().nullable(),
  movementId: z.string().nullable(),
  actor: z.string(),
  reason: z.string(),
  at: z.string(),
});

/** `POST /api/cases/:id/lock`: like `corridor allocate lock CASE DESTINATION`. */
export const lockCaseRoute = defineRoute('POST /api/cases/:id/lock', {
  tag: 'planning',
  summary: 'Fix a case to a destination (and optionally a movement) in every later plan',
  params: CaseParams,
  body: z.object({
    destinationId: IdSchema.nullable().optional(),
    movementId: IdSchema.nullable().optional(),
    reason: z.string().trim().min(3).max(500),
  }),
  response: LockSchema,
  handler: async ({ params, body, store, actor }) => {
    if (!body.destinationId && !body.movementId)
      throw errors.invalidInput('a lock needs a destinationId, a movementId or both');
    if (!(await store.registry.household(params.id))) throw errors.notFound('case', params.id);
    const destinations = await store.registry.destinations();
    if (body.destinationId && !destinations.some((d) => d.id === body.destinationId))
      throw errors.invalidInput(`destinationId: no destination ${body.destinationId}`);
    const movements = body.movementId ? await store.movements.list() : [];
    if (body.movementId && !movements.some((m) => m.id === body.movementId))
      throw errors.invalidInput(`movementId: no movement ${body.movementId}`);
    return store.plans.lock(
      {
        householdId: params.id,
        destinationId: body.destinationId ?? null,
        movementId: body.movementId ?? null,
        reason: body.reason,
      },
      actor,
    );
  },
});

/** `GET /api/locks`: like `corridor allocate locks --json`. */
export const locksRoute = defineRoute('GET /api/locks', {
  tag: 'planning',
  summary: 'Every planner’s lock: case, destination, movement, who, why and when',
  response: z.array(LockSchema),
  handler: ({ store }) => store.plans.locks(),
});

/** `POST /api/cases/:id/unlock`: like `corridor allocate unlock CASE`. */
export const unlockCaseRoute = defineRoute('POST /api/cases/:id/unlock', {
  tag: 'planning',
  summary: 'Remove a case’s lock',
  params: CaseParams,
  response: z.object({ case: z.string(), unlocked: z.literal(true) }),
  handler: async ({ params, store, actor }) => {
    if (!(await store.plans.unlock(params.id, actor)))
      throw errors.notFound('lock of case', params.id);
    return { case: params.id, unlocked: true as const };
  },
});

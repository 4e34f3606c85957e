/** Stored plans (versioned) and their assignments. */
import { errors } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { wholeNumber } from './params.js';

const PlanKind = z.enum(['allocation', 'timetable', 'joint']);
const PlanHeader = z.object({
  id: z.number().int(),
  kind: PlanKind,
  version: z.number().int(),
  status: z.enum(['current', 'superseded']),
  parentId: z.number().int().nullable(),
  params: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()),
  createdBy: z.string(),
  createdAt: z.string(),
});
const PlanSchema = PlanHeader.extend({
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

/** `GET /api/plans`: plan versions without assignments, newest first. */
export const listPlansRoute = defineRoute('GET /api/plans', {
  tag: 'plans',
  summary: 'Plan versions, newest first (without assignments)',
  query: z.object({ kind: PlanKind.optional() }),
  response: z.array(PlanHeader),
  handler: ({ query, store }) => store.plans.list(query.kind),
});

/** `GET /api/plans/current`: the current plan of a kind, with its assignments. */
export const currentPlanRoute = defineRoute('GET /api/plans/current', {
  tag: 'plans',
  summary: 'The current plan of a kind (default allocation), with assignments',
  query: z.object({ kind: PlanKind.default('allocation') }),
  response: PlanSchema,
  handler: async ({ query, store }) => {
    const plan = await store.plans.current(query.kind);
    if (!plan) throw errors.notFound('plan', `(current ${query.kind})`);
    return plan;
  },
});

/** `GET /api/plans/:id`: one plan version with its assignments. */
export const planRoute = defineRoute('GET /api/plans/:id', {
  tag: 'plans',
  summary: 'One plan version with its assignments',
  params: z.object({ id: wholeNumber(1, 2_147_483_647) }),
  response: PlanSchema,
  handler: async ({ params, store }) => {
    const plan = await store.plans.get(params.id);
    if (!plan) throw errors.notFound('plan', String(params.id));
    return plan;
  },
});

/** `plan.show`: one plan version with its assignments, by id or the current one of a kind. */
import { errors } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PlanIdSchema, PlanKindSchema, PlanSchema } from './schemas.js';

/** The plan `id`, or without an id the current plan of `kind` (default allocation). */
export const showPlan = defineCommand({
  name: 'plan.show',
  summary: 'One plan version with its assignments (without an id: the current plan of a kind)',
  input: z.object({
    id: PlanIdSchema.optional(),
    kind: PlanKindSchema.default('allocation').describe(
      'with no id: the current plan of this kind',
    ),
  }),
  output: PlanSchema,
  permission: 'plan.read',
  audit: null,
  async run({ store }, { id, kind }) {
    const plan = id !== undefined ? await store.plans.get(id) : await store.plans.current(kind);
    if (!plan) throw errors.notFound('plan', id !== undefined ? String(id) : `(current ${kind})`);
    return plan;
  },
});

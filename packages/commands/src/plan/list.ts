/** `plan.list`: the stored plan versions. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PlanHeaderSchema, PlanKindSchema } from './schemas.js';

/** Plan versions without assignments, newest first (of one kind when asked). */
export const listPlans = defineCommand({
  name: 'plan.list',
  summary: 'Plan versions, newest first (without assignments)',
  input: z.object({ kind: PlanKindSchema.optional() }),
  output: z.array(PlanHeaderSchema),
  permission: 'plan.read',
  audit: null,
  run: ({ store }, { kind }) => store.plans.list(kind),
});

/** `plan.listLocks`: every planner's lock. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { LockSchema } from './schemas.js';

/** Every lock: case, destination, movement, who, why and when, by case. */
export const listLocks = defineCommand({
  name: 'plan.listLocks',
  summary: 'Every planner’s lock: case, destination, movement, who, why and when',
  input: z.object({}),
  output: z.array(LockSchema),
  permission: 'plan.read',
  audit: null,
  run: ({ store }) => store.plans.locks(),
});

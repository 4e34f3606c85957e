/** `plan.unlockCase`: removes a case's lock. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Removes the lock of a case; not found when it had none (nothing written). */
export const unlockCase = defineCommand({
  name: 'plan.unlockCase',
  summary: 'Remove a case’s lock',
  input: z.object({ householdId: IdSchema }),
  output: z.object({ case: z.string(), unlocked: z.literal(true) }),
  permission: 'plan.lock',
  audit: 'plan.unlock',
  async run({ store, actor }, { householdId }) {
    if (!(await store.plans.unlock(householdId, actor)))
      throw errors.notFound('lock of case', householdId);
    return { case: householdId, unlocked: true as const };
  },
});

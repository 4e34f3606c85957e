/** `allocation.run`: who goes where (M4), a long command (a job over HTTP, inline in the CLI). */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { silentControl } from '../planning/control.js';
import { runAllocation } from '../planning/run-allocation.js';
import { limitMs, TimeLimitSchema } from '../planning/seconds.js';
import { AllocationSummarySchema } from '../planning/summaries.js';
import { whole } from '../numbers.js';

/** Assigns every ready case to a host country and saves the plan as a new version. */
export const allocationRun = defineCommand({
  name: 'allocation.run',
  summary:
    'Allocate every ready case to a host country (a job; its result is `corridor allocate --json`)',
  input: z
    .object({
      timeLimit: TimeLimitSchema,
      seed: whole(1, 2 ** 31)
        .optional()
        .describe('random seed (same seed, same plan; default 1)'),
    })
    .default({}),
  output: AllocationSummarySchema,
  permission: 'plan.run',
  audit: 'plan.save',
  job: { kind: 'allocate' },
  run: ({ store, actor, control }, input) =>
    runAllocation(
      store,
      actor,
      { timeLimitMs: limitMs(input.timeLimit), seed: input.seed ?? 1 },
      control ?? silentControl,
    ),
});

/** `timetable.schedule`: cases to movements (M5), a long command (a job over HTTP, inline in the CLI). */
import { defaultHazardPrior } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { silentControl } from '../planning/control.js';
import { runSchedule } from '../planning/run-schedule.js';
import { HazardRateSchema, limitMs, TimeLimitSchema } from '../planning/seconds.js';
import { ScheduleSummarySchema } from '../planning/summaries.js';
import { riskAttitudes } from '../planning/timetable-input.js';

/** Assigns allocated cases to movements, minimising exposure, and saves the timetable. */
export const timetableSchedule = defineCommand({
  name: 'timetable.schedule',
  summary: 'Assign cases to movements (a job; its result is `corridor schedule --json`)',
  input: z
    .object({
      joint: z.boolean().optional().describe('choose destination and movement together'),
      needsFirst: z.boolean().optional().describe('give cases with specific needs priority'),
      hazardRate: HazardRateSchema,
      timeLimit: TimeLimitSchema,
      risk: z
        .enum(riskAttitudes)
        .optional()
        .describe(
          'neutral (default): minimise exposure under the mean hazard; averse: under its 90% upper quantile',
        ),
      candidates: z
        .boolean()
        .optional()
        .describe('choose among candidate movements (default true; timetable mode only)'),
      budget: z
        .string()
        .max(32)
        .optional()
        .describe('the most booked candidates may cost, in major units of their currency'),
    })
    .default({}),
  output: ScheduleSummarySchema,
  permission: 'plan.run',
  audit: 'plan.save',
  job: { kind: 'schedule' },
  run: ({ store, actor, control }, input) =>
    runSchedule(
      store,
      actor,
      {
        joint: input.joint ?? false,
        needsFirst: input.needsFirst ?? false,
        hazardRate: input.hazardRate ?? defaultHazardPrior,
        timeLimitMs: limitMs(input.timeLimit),
        risk: input.risk ?? 'neutral',
        candidates: input.candidates ?? true,
        ...(input.budget !== undefined ? { budget: input.budget } : {}),
      },
      control ?? silentControl,
    ),
});

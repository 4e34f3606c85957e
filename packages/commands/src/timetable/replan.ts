/** `timetable.replan`: disruption events and a re-plan with few changes (M7), a long command. */
import { booleanInput, defaultHazardPrior } from '@corridor/core';
import type { ReplanEvent } from '@corridor/optimizer';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { decimal } from '../numbers.js';
import { silentControl } from '../planning/control.js';
import { ReplanEventsSchema } from '../planning/replan-events.js';
import { runReplan } from '../planning/run-replan.js';
import { HazardRateSchema, limitMs, TimeLimitSchema } from '../planning/seconds.js';
import { ReplanSummarySchema } from '../planning/summaries.js';

/** Applies the events to the movements and re-plans the timetable, changing as few plans as it can. */
export const timetableReplan = defineCommand({
  name: 'timetable.replan',
  summary:
    'Apply disruption events and re-plan the timetable (a job; its result is `corridor replan --json`)',
  input: z.object({
    events: ReplanEventsSchema,
    changePenalty: decimal(0, 1e9)
      .optional()
      .describe('exposure a move must save before a case is moved without need (default 1)'),
    hazardRate: HazardRateSchema,
    timeLimit: TimeLimitSchema,
    dryRun: booleanInput()
      .optional()
      .describe('propose: compute the changes and save nothing (no plan version, no movement)'),
  }),
  output: ReplanSummarySchema,
  permission: 'plan.run',
  audit: 'plan.save',
  job: { kind: 'replan' },
  run: ({ store, actor, control }, input) =>
    runReplan(
      store,
      actor,
      {
        events: input.events as ReplanEvent[],
        changePenalty: input.changePenalty ?? 1,
        hazardRate: input.hazardRate ?? defaultHazardPrior,
        timeLimitMs: limitMs(input.timeLimit),
        dryRun: input.dryRun === true,
      },
      control ?? silentControl,
    ),
});

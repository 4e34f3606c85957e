/** Planning runs as jobs (M4, M5, M7): each answers 202 with a job to poll at `GET /api/jobs/:id`. */
import { z } from 'zod';
import { ReplanEventsSchema } from '../planning/replan-events.js';
import { defaultAllocationParams } from '../planning/run-allocation.js';
import { defaultScheduleParams } from '../planning/run-schedule.js';
import { defineRoute } from '../route.js';
import { QueuedJobSchema } from './jobs.js';
import type { ReplanEvent } from '@corridor/optimizer';

/** Seconds the optimiser may search (the CLI's `--time-limit`). */
const timeLimit = z.number().positive().max(3600);
const hazardRate = z.number().min(0).max(100);

/** `POST /api/plans/allocate`: queues an allocation run. */
export const allocateRoute = defineRoute('POST /api/plans/allocate', {
  tag: 'planning',
  summary:
    'Allocate every ready case to a host country (a job; its result is `corridor allocate --json`)',
  body: z
    .object({
      timeLimit: timeLimit.optional(),
      seed: z
        .number()
        .int()
        .min(1)
        .max(2 ** 31)
        .optional(),
    })
    .optional(),
  response: QueuedJobSchema,
  status: 202,
  handler: async ({ body, jobs, actor }) =>
    jobs.submit(
      'allocate',
      {
        timeLimitMs: (body?.timeLimit ?? defaultAllocationParams.timeLimitMs / 1000) * 1000,
        seed: body?.seed ?? defaultAllocationParams.seed,
      },
      actor,
    ),
});

/** `POST /api/plans/schedule`: queues a timetable run (joint: destination and movement together). */
export const scheduleRoute = defineRoute('POST /api/plans/schedule', {
  tag: 'planning',
  summary: 'Assign cases to movements (a job; its result is `corridor schedule --json`)',
  body: z
    .object({
      joint: z.boolean().optional(),
      needsFirst: z.boolean().optional(),
      hazardRate: hazardRate.optional(),
      timeLimit: timeLimit.optional(),
    })
    .optional(),
  response: QueuedJobSchema,
  status: 202,
  handler: async ({ body, jobs, actor }) =>
    jobs.submit(
      'schedule',
      {
        joint: body?.joint ?? defaultScheduleParams.joint,
        needsFirst: body?.needsFirst ?? defaultScheduleParams.needsFirst,
        hazardRate: body?.hazardRate ?? defaultScheduleParams.hazardRate,
        timeLimitMs: (body?.timeLimit ?? defaultScheduleParams.timeLimitMs / 1000) * 1000,
      },
      actor,
    ),
});

/** `POST /api/replan`: queues a re-plan after disruption events. */
export const replanRoute = defineRoute('POST /api/replan', {
  tag: 'planning',
  summary:
    'Apply disruption events and re-plan the timetable (a job; its result is `corridor replan --json`)',
  body: z.object({
    events: ReplanEventsSchema,
    changePenalty: z.number().min(0).max(1e9).optional(),
    hazardRate: hazardRate.optional(),
    timeLimit: timeLimit.optional(),
  }),
  response: QueuedJobSchema,
  status: 202,
  handler: async ({ body, jobs, actor }) =>
    jobs.submit(
      'replan',
      {
        events: body.events as ReplanEvent[],
        changePenalty: body.changePenalty ?? 1,
        hazardRate: body.hazardRate ?? defaultScheduleParams.hazardRate,
        timeLimitMs: (body.timeLimit ?? 10) * 1000,
      },
      actor,
    ),
});

/** `report.outcome`: what happened against the plan, as of a day; counts only, no personal data. */
import { IsoDateSchema, slipCauses } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { outcomeReport } from './outcome-data.js';

const Count = z.object({ cases: z.number().int(), persons: z.number().int() });

/** Realised exposure against planned, people still at risk by day, slips by cause. */
export const reportOutcome = defineCommand({
  name: 'report.outcome',
  summary:
    'What happened against the plan: exposure realised and planned, people still at risk by day, slips by cause',
  input: z.object({
    asOf: IsoDateSchema.optional().describe('the day to compare up to (default: today)'),
    baseline: z
      .union([
        z.number().int().min(1),
        z
          .string()
          .regex(/^\d{1,9}$/)
          .transform(Number),
      ])
      .optional()
      .describe('the timetable plan id to compare with (default: the first timetable)'),
  }),
  output: z.object({
    startDay: z.string(),
    asOf: z.string(),
    persons: z.number().int(),
    baseline: z.object({ planId: z.number(), version: z.number(), createdAt: z.string() }),
    current: z.object({ planId: z.number(), version: z.number() }),
    exposure: z.object({
      planned: z.number(),
      realised: z.number(),
      ratio: z.number().nullable(),
    }),
    departed: z.object({ planned: z.number().int(), realised: z.number().int() }),
    atRisk: z.array(
      z.object({ day: z.string(), planned: z.number().int(), realised: z.number().int() }),
    ),
    slips: z.object({
      cases: z.number().int(),
      persons: z.number().int(),
      byCause: z.object({
        'no-show': Count,
        procedure: Count,
        seat: Count,
        hazard: Count,
        destination: Count,
        replanned: Count,
        other: Count,
      } satisfies Record<(typeof slipCauses)[number], typeof Count>),
      list: z.array(
        z.object({
          caseId: z.string(),
          persons: z.number().int(),
          plannedDay: z.string().nullable(),
          realisedDay: z.string().nullable(),
          cause: z.enum(slipCauses).nullable(),
        }),
      ),
    }),
  }),
  permission: 'operation.report',
  audit: null,
  run({ store, now }, input) {
    return outcomeReport(store, input.asOf ?? now.toISOString().slice(0, 10), input.baseline);
  },
});

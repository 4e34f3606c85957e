/** Shapes shared by the procedure commands: templates, steps, and a case's standing per state. */
import {
  personal,
  ProcedureOutcomeSchema,
  ProcedureStepTemplateSchema,
  ProcedureTemplateSchema,
} from '@corridor/core';
import { z } from 'zod';

/** A state's template as shown: `stored` is false while the default applies. */
export const TemplateOut = ProcedureTemplateSchema.extend({
  stored: z.boolean().describe('false while the state uses the default template'),
  steps: z.array(ProcedureStepTemplateSchema),
});
export type TemplateOut = z.infer<typeof TemplateOut>;

/** One recorded step; its note is free text about persons, shown as case notes are. */
export const StepOut = z.object({
  step: z.string(),
  date: z.string().nullable(),
  outcome: ProcedureOutcomeSchema,
  expires: z.string().nullable(),
  note: personal('caseNotes', z.string()).describe('sealed under the members’ keys; by role'),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type StepOut = z.infer<typeof StepOut>;

/** Where a case's procedure with one state stands, and what it means for planning. */
export const StandingOut = z.object({
  case: z.string(),
  state: z.string(),
  readyDate: z
    .string()
    .nullable()
    .describe('every required step done or positive: the last of their dates; else null'),
  expectedReadyDate: z
    .string()
    .nullable()
    .describe('the ready date the planner uses: readyDate, or an estimate from typical durations'),
  latestDate: z
    .string()
    .nullable()
    .describe('the earliest expiry among valid documents: the case cannot travel after it'),
  refused: z.boolean(),
  failedChecks: z
    .array(z.string())
    .describe('checks whose latest outcome is negative (fit-to-travel): not ready until they pass'),
  pendingSteps: z.array(z.string()),
  steps: z.array(StepOut),
});
export type StandingOut = z.infer<typeof StandingOut>;

/** `procedure.record`: one step of a case's procedure with a host state. */
import {
  errors,
  IdSchema,
  IsoDateSchema,
  ProcedureOutcomeSchema,
  StepNameSchema,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { checkSteps } from './check-steps.js';
import { returnForReferral } from './refusal.js';
import { StandingOut } from './schemas.js';
import { dayOf, standings } from './standing.js';

/** What recording a step answers: the case's standing with that state, and any status move. */
export const RecordOut = StandingOut.extend({
  caseMoved: z
    .object({ from: z.string(), to: z.string() })
    .nullable()
    .describe('a refusal returns the case to rejected-by-destination, for another referral'),
});
export type RecordOut = z.infer<typeof RecordOut>;

/**
 * Records (or corrects) one step: checked against the state's template and the case's other
 * steps; a note is sealed under the members' keys. A negative outcome moves the case to
 * `rejected-by-destination` through the workflow, with its history entry, so allocation offers it
 * to another state.
 */
export const recordProcedureStep = defineCommand({
  name: 'procedure.record',
  summary: 'Record one step of a case’s host-state procedure (date, outcome, expiry, note)',
  input: z.object({
    caseId: IdSchema.describe('the case (household)'),
    state: IdSchema.describe('the destination (host state) id'),
    step: StepNameSchema.describe('a step of the state’s template, e.g. visa'),
    date: IsoDateSchema.nullable().default(null).describe('YYYY-MM-DD the step happened'),
    outcome: ProcedureOutcomeSchema,
    expires: IsoDateSchema.nullable().default(null).describe('YYYY-MM-DD the document expires'),
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('free text, sealed under the members’ keys'),
  }),
  output: RecordOut,
  permission: 'procedure.record',
  audit: 'procedure.record',
  async run(ctx, input) {
    const { store, actor, now } = ctx;
    const step = {
      caseId: input.caseId,
      state: input.state,
      step: input.step,
      date: input.date,
      outcome: input.outcome,
      expires: input.expires,
    };
    const problems = await checkSteps(store, [{ ...step, row: 1 }]);
    if (problems.length > 0)
      throw errors.invalidInput(
        `step not recorded: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`,
        { problems },
      );
    await store.procedures.record(
      [{ ...step, note: input.note ?? null }],
      actor,
      'procedure.record',
    );
    const caseMoved = input.outcome === 'negative' ? await returnForReferral(ctx, input) : null;
    const [standing] = await standings(
      store,
      dayOf(now),
      { caseIds: [input.caseId], state: input.state },
      true,
    );
    return { ...standing!, caseMoved };
  },
});

/** `procedure.record`: one step of a case's procedure with a host state. */
import {
  errors,
  IdSchema,
  IsoDateSchema,
  ProcedureOutcomeSchema,
  StepNameSchema,
} from '@corridor/core';
import { z } from 'zod';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../define.js';
import { checkSteps } from './check-steps.js';
import { returnForReferral } from './refusal.js';
import { StandingOut } from './schemas.js';
import { dayOf, standings } from './standing.js';

/**
 * What a failed check asks of the plan: the movement the case is booked on (in the current
 * timetable), whether it leaves before the check can pass again, the seats the household would
 * leave, and the commands that preview and make the re-plan (a proposal: nothing changes here).
 */
async function replanProposal(
  { store }: CommandContext,
  caseId: string,
  failedCheck: string,
  readyAgain: string | null,
): Promise<NonNullable<RecordOut['proposal']>> {
  const plan = await store.plans.current('timetable');
  const movementId = plan?.assignments.find((a) => a.householdId === caseId)?.movementId ?? null;
  const movement = movementId ? await store.movements.get(movementId) : undefined;
  const departs = movement?.departAt ?? null;
  const persons = (await store.registry.householdSizes()).get(caseId) ?? 0;
  const mustMove = departs !== null && (readyAgain === null || departs.slice(0, 10) < readyAgain);
  return {
    failedCheck,
    movementId,
    departs,
    mustMove,
    seatsFreed: mustMove ? persons : 0,
    next: mustMove
      ? [
          'corridor replan --procedures --dry-run',
          'corridor replan --procedures',
          `corridor checkin standby ${movementId}`,
        ]
      : [],
  };
}

/** What recording a step answers: the case's standing with that state, and any status move. */
export const RecordOut = StandingOut.extend({
  caseMoved: z
    .object({ from: z.string(), to: z.string() })
    .nullable()
    .describe('a refusal returns the case to rejected-by-destination, for another referral'),
  proposal: z
    .object({
      failedCheck: z.string(),
      movementId: z.string().nullable().describe('the movement the case is booked on now'),
      departs: z.string().nullable(),
      mustMove: z
        .boolean()
        .describe('the movement leaves before the check can be repeated and passed'),
      seatsFreed: z.number().int().describe('seats the household leaves if it moves'),
      next: z.array(z.string()).describe('the commands that show and make the re-plan'),
    })
    .nullable()
    .describe(
      'a failed check (fit-to-travel) is not a refusal: the case waits for the check again, and the plan must follow',
    ),
});
export type RecordOut = z.infer<typeof RecordOut>;

/**
 * Records (or corrects) one step: checked against the state's template and the case's other
 * steps; a note is sealed under the members' keys. A negative outcome moves the case to
 * `rejected-by-destination` through the workflow, with its history entry, so allocation offers it
 * to another state — except a failed check (fit-to-travel), which is "not yet": the answer then
 * proposes the re-plan.
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
    const [standing] = await standings(
      store,
      dayOf(now),
      { caseIds: [input.caseId], state: input.state },
      true,
    );
    const failed = input.outcome === 'negative' && standing!.failedChecks.includes(input.step);
    const caseMoved =
      input.outcome === 'negative' && !failed ? await returnForReferral(ctx, input) : null;
    const proposal = failed
      ? await replanProposal(ctx, input.caseId, input.step, standing!.expectedReadyDate)
      : null;
    return { ...standing!, caseMoved, proposal };
  },
});

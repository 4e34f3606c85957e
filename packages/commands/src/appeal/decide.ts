/** `appeal.decide`: upholds or rejects an appeal; an upheld one re-plans the household. */
import { appealOutcomes, errors, IdSchema, preDepartureStatuses } from '@corridor/core';
import { z } from 'zod';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../define.js';
import { wordsInput } from '../grievance/schemas.js';
import { emitPlanPublished } from '../plan/emit-published.js';
import { explainCase } from '../planning/allocation-views.js';
import { AppealOut, appealOf, existingDestination } from './schemas.js';

const field = (message: string) =>
  errors.invalidInput(`invalid input for appeal.decide at destinationId: ${message}`, {
    issues: [{ path: 'destinationId', message }],
  });

/**
 * Saves a new version of the current allocation with the case at `to`, locked there so later runs
 * keep it, in the command's transaction; returns the new plan's id. Refused (nothing written) for a
 * case that has left or is checked in, a linked case (family unity: decide the linked cases
 * together by hand), or a destination the case is not eligible for.
 */
async function replanCase(
  ctx: CommandContext,
  appealId: string,
  caseId: string,
  to: string,
  reason: string,
): Promise<{ planId: number; from: string | null }> {
  const household = await ctx.store.registry.household(caseId);
  if (!household) throw errors.notFound('case', caseId);
  if (!preDepartureStatuses.includes(household.status) || household.status === 'checked-in')
    throw errors.invalidTransition(
      `case ${caseId} is ${household.status}: an appeal can no longer move it`,
    );
  const explanation = await explainCase(ctx.store, caseId);
  if (explanation.destination === to) throw field(`case ${caseId} is already allocated to ${to}`);
  if (explanation.linkedWith.length > 0)
    throw errors.invalidTransition(
      `case ${caseId} is linked with ${explanation.linkedWith.join(', ')}: move the linked cases together (allocate lock) instead`,
    );
  const other = explanation.others.find((o) => o.destination === to);
  if (other && !other.eligible)
    throw field(`case ${caseId} is not eligible for ${to} (${other.rules.join('; ')})`);
  const parent = (await ctx.store.plans.current('allocation'))!;
  const moved = {
    householdId: caseId,
    destinationId: to,
    movementId: null,
    locked: true,
    reason: `appeal ${appealId} upheld`,
  };
  const assignments = parent.assignments.some((a) => a.householdId === caseId)
    ? parent.assignments.map((a) => (a.householdId === caseId ? moved : a))
    : [...parent.assignments, moved];
  const appeal = { id: appealId, case: caseId, from: explanation.destination, to };
  const { plan } = await ctx.store.plans.saveWithLock(
    {
      kind: 'allocation',
      params: { ...parent.params, appeal },
      // The figures are the parent's: an upheld appeal is not re-optimised.
      summary: {
        ...parent.summary,
        appeal,
        figuresOfPlan: parent.summary.figuresOfPlan ?? parent.id,
      },
      parentId: parent.id,
      basedOn: parent.id,
      assignments,
    },
    {
      householdId: caseId,
      destinationId: to,
      movementId: null,
      reason: `appeal ${appealId}: ${reason}`,
    },
    ctx.actor,
  );
  await emitPlanPublished({ store: ctx.store }, plan);
  return { planId: plan.id, from: explanation.destination };
}

/**
 * Decides a filed appeal. Upheld: the case is re-planned to the destination given (default: the
 * one requested) as a new allocation version with a lock, the case history says so (ids in clear,
 * the reason sealed) and the audit log records it. Rejected: the decision and the reason only.
 */
export const decideAppeal = defineCommand({
  name: 'appeal.decide',
  summary:
    'Uphold or reject an appeal; an upheld one re-plans the household (new plan version, lock)',
  input: z.object({
    id: IdSchema,
    outcome: z.enum(appealOutcomes, { error: 'outcome must be upheld or rejected' }),
    reason: wordsInput('reason').describe('why (sealed; the household is told)'),
    destinationId: IdSchema.optional().describe(
      'where an upheld appeal moves the case (default: the destination requested)',
    ),
  }),
  output: AppealOut,
  permission: 'appeal.decide',
  audit: 'appeal.decide',
  async run(ctx, input) {
    const appeal = await ctx.store.grievances.appeal(input.id);
    if (!appeal) throw errors.notFound('appeal', input.id);
    if (appeal.status !== 'filed')
      throw errors.conflict(`appeal ${input.id} was already decided (${appeal.status})`);
    if (input.outcome === 'rejected') {
      if (input.destinationId) throw field('a rejected appeal moves nothing: give no destination');
      return appealOf(
        await ctx.store.grievances.decideAppeal(
          input.id,
          { outcome: 'rejected', reason: input.reason, newDestinationId: null, newPlanId: null },
          ctx.actor,
        ),
      );
    }
    const to = input.destinationId ?? appeal.requestedDestinationId;
    if (!to) throw field('required for an upheld appeal (the household requested no destination)');
    await existingDestination(ctx, 'appeal.decide', 'destinationId', to);
    const { planId } = await replanCase(ctx, appeal.id, appeal.householdId, to, input.reason);
    return appealOf(
      await ctx.store.grievances.decideAppeal(
        input.id,
        { outcome: 'upheld', reason: input.reason, newDestinationId: to, newPlanId: planId },
        ctx.actor,
      ),
    );
  },
});

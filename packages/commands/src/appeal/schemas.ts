/** The shapes of the appeal commands: an appeal with the explanation it was filed against. */
import { appealOutcomes, errors, personal } from '@corridor/core';
import type { StoredAppeal } from '@corridor/storage';
import { z } from 'zod';
import { ExplanationSchema } from '../allocation/schemas.js';
import type { CommandContext } from '../context.js';

/** An appeal against an allocation and, once decided, its decision. */
export const AppealOut = z.object({
  id: z.string(),
  case: z.string(),
  status: z.enum(['filed', 'upheld', 'rejected']),
  grounds: personal('grievanceText', z.string()),
  requestedDestination: z.string().nullable(),
  planId: z.number().int().describe('the allocation plan appealed against'),
  destination: z.string().nullable().describe("the case's destination in that plan"),
  explanation: ExplanationSchema.describe(
    'the allocation explanation for the case when the appeal was filed (why here, why not there)',
  ),
  filedBy: z.string(),
  filedAt: z.string(),
  decision: z
    .object({
      outcome: z.enum(appealOutcomes),
      reason: personal('grievanceText', z.string()),
      by: z.string(),
      role: z.string(),
      at: z.string(),
      newDestination: z.string().nullable(),
      newPlanId: z
        .number()
        .int()
        .nullable()
        .describe('the allocation plan version an upheld appeal saved'),
    })
    .nullable(),
});
/** An appeal (the type the web imports). */
export type AppealOut = z.infer<typeof AppealOut>;

/** A stored appeal as the commands answer it. */
export function appealOf(a: StoredAppeal): z.input<typeof AppealOut> {
  return {
    id: a.id,
    case: a.householdId,
    status: a.status,
    grounds: a.grounds,
    requestedDestination: a.requestedDestinationId,
    planId: a.planId,
    destination: a.destinationId,
    explanation: a.explanation as z.input<typeof ExplanationSchema>,
    filedBy: a.filedBy,
    filedAt: a.filedAt,
    decision: a.decision
      ? {
          outcome: a.decision.outcome,
          reason: a.decision.reason,
          by: a.decision.by,
          role: a.decision.role,
          at: a.decision.at,
          newDestination: a.decision.newDestinationId,
          newPlanId: a.decision.newPlanId,
        }
      : null,
  };
}

/** Refuses (400, naming the field) a destination that is not one of the operation's. */
export async function existingDestination(
  ctx: CommandContext,
  command: string,
  field: string,
  id: string,
): Promise<void> {
  if ((await ctx.store.registry.destinations()).some((d) => d.id === id)) return;
  const message = `no destination ${id}`;
  throw errors.invalidInput(`invalid input for ${command} at ${field}: ${message}`, {
    issues: [{ path: field, message }],
  });
}

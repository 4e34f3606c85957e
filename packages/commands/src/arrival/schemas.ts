/** The shapes of the after-arrival commands: confirmations, links, follow-ups (issue 23 item 5). */
import {
  arrivalLinkDays,
  errors,
  followUpMonths,
  followUpOutcomes,
  IsoDateSchema,
  type FollowUpMonth,
} from '@corridor/core';
import type { ArrivalConfirmation, FollowUp } from '@corridor/storage';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CommandContext } from '../context.js';
import { existingCase } from '../case/existing-case.js';

const named = (what: string, values: readonly (string | number)[]) =>
  `${what} must be one of: ${values.join(', ')}`;

/** The organisation that confirms or receives: a state's office or a partner agency. */
export const PartnerInput = z
  .string({ error: 'partner is required (the receiving office or agency)' })
  .trim()
  .min(2, 'partner is required (the receiving office or agency)')
  .max(200, 'partner is too long (at most 200 characters)');

/** A day, YYYY-MM-DD. */
export const DayInput = IsoDateSchema;

/** A follow-up month: 1, 3 or 12. */
export const MonthInput = z.coerce
  .number({ error: named('month', followUpMonths) })
  .refine((m): m is FollowUpMonth => (followUpMonths as readonly number[]).includes(m), {
    message: named('month', followUpMonths),
  });

/** A follow-up's outcome code. */
export const OutcomeInput = z.enum(followUpOutcomes, { error: named('outcome', followUpOutcomes) });

/** How long a link is valid, in days. */
export const LinkDaysInput = z.coerce
  .number({ error: `days must be a whole number from 1 to ${arrivalLinkDays.max}` })
  .int(`days must be a whole number from 1 to ${arrivalLinkDays.max}`)
  .min(1, `days must be a whole number from 1 to ${arrivalLinkDays.max}`)
  .max(arrivalLinkDays.max, `days must be a whole number from 1 to ${arrivalLinkDays.max}`);

/** One confirmation of arrival. */
export const ConfirmationOut = z.object({
  case: z.string(),
  partner: z.string(),
  via: z.string().describe('user (over the API or CLI) or link (a confirmation link)'),
  arrivedOn: z.string(),
  confirmedBy: z.string(),
  recordedAt: z.string(),
});

/** One follow-up contact. */
export const FollowUpOut = z.object({
  case: z.string(),
  month: z.number().int(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  outcome: z.enum(followUpOutcomes).nullable(),
  recordedBy: z.string().nullable(),
  overdue: z.boolean().describe('not made and its due day has passed'),
});
/** A follow-up (the type the web imports). */
export type FollowUpOut = z.infer<typeof FollowUpOut>;

export const confirmationOf = (c: ArrivalConfirmation): z.input<typeof ConfirmationOut> => ({
  case: c.householdId,
  partner: c.partner,
  via: c.via,
  arrivedOn: c.arrivedOn,
  confirmedBy: c.actor,
  recordedAt: c.recordedAt,
});

export const followUpOf = (f: FollowUp, today: string): z.input<typeof FollowUpOut> => ({
  case: f.householdId,
  month: f.month,
  dueOn: f.dueOn,
  doneOn: f.doneOn,
  outcome: f.outcome as FollowUpOut['outcome'],
  recordedBy: f.actor,
  overdue: f.doneOn === null && f.dueOn < today,
});

/** The day of `now` in UTC. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** The SHA-256 of a link's token: the only form of it ever stored. */
export const tokenHash = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Refuses (400, naming the field) a day after today — today anywhere on Earth (UTC+14), so that a
 * desk east of Greenwich can record its own today before UTC reaches it.
 */
export function notInFuture(command: string, field: string, value: string, now: Date): void {
  if (value <= dayOf(new Date(now.getTime() + 14 * 3_600_000))) return;
  const message = 'is in the future';
  throw errors.invalidInput(`invalid input for ${command} at ${field}: ${message}`, {
    issues: [{ path: field, message }],
  });
}

/** The case's status, or 400 naming `caseId` when it is not in the registry or was merged. */
export async function caseStatus(ctx: CommandContext, command: string, id: string) {
  return (await existingCase(ctx, command, 'caseId', id)).status;
}

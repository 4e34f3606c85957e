/**
 * `arrival.confirm`: the receiving state or partner confirms that a case arrived — by a user over
 * the API or CLI, or through a single-use confirmation link (`POST /api/arrival-links/:token`,
 * which runs this command as the link's issuer with the token in its input).
 */
import { decideTransition, errors, followUpSchedule, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { moveCase } from '../case/move-case.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../define.js';
import {
  caseStatus,
  ConfirmationOut,
  confirmationOf,
  dayOf,
  DayInput,
  followUpOf,
  FollowUpOut,
  notInFuture,
  PartnerInput,
  tokenHash,
} from './schemas.js';

/** What a link that cannot be used answers, whatever the reason: nothing to learn from it. */
export const unusableLink = () =>
  errors.notFound('arrival confirmation link', '(unknown, already used or expired)');

const command = 'arrival.confirm';

/**
 * Confirms: a departed case moves to arrived (its history, `case.status-changed` and
 * `arrival.confirmed` to subscribers); an arrived one keeps its status and gains the confirmation.
 * The first confirmation sets the follow-ups at 1, 3 and 12 months from the arrival day.
 */
export const confirmArrival = defineCommand({
  name: command,
  summary: 'Confirm that a case arrived (departed becomes arrived); sets the follow-ups',
  input: z.object({
    caseId: IdSchema.describe('the case (household) that arrived'),
    partner: PartnerInput.describe('who confirms: the receiving office or partner agency'),
    arrivedOn: DayInput.optional().describe('the day of arrival (default: today)'),
    token: z
      .string()
      .max(200)
      .optional()
      .describe('a confirmation link’s token: the link is used up by this confirmation'),
  }),
  output: ConfirmationOut.extend({
    status: z.string().describe('the case’s status after the confirmation'),
    followUps: z.array(FollowUpOut),
  }),
  permission: 'arrival.confirm',
  audit: 'arrival.confirm',
  async run(ctx: CommandContext, input) {
    const arrivedOn = input.arrivedOn ?? dayOf(ctx.now);
    notInFuture(command, 'arrivedOn', arrivedOn, ctx.now);
    let partner = input.partner;
    if (input.token !== undefined) {
      // Taken in this transaction: a refused confirmation leaves the link unused.
      const link = await ctx.store.arrivals.takeLink(tokenHash(input.token), ctx.now);
      if (!link || link.householdId !== input.caseId) throw unusableLink();
      partner = link.partner;
    }
    const status = await caseStatus(ctx, command, input.caseId);
    if (status !== 'departed' && status !== 'arrived')
      throw errors.invalidTransition(
        `case ${input.caseId}: is ${status}; only a departed case can be confirmed as arrived`,
      );
    if (status === 'departed')
      await moveCase(ctx, ctx.actor, {
        id: input.caseId,
        to: 'arrived',
        reason: `arrival confirmed by ${partner}`,
        check: (from, resumeTo) =>
          decideTransition(input.caseId, from, 'arrived', ctx.actor.role, resumeTo),
      });
    const stored = await ctx.store.arrivals.confirm(
      {
        householdId: input.caseId,
        partner,
        via: input.token === undefined ? 'user' : 'link',
        arrivedOn,
        followUps: followUpSchedule(arrivedOn),
      },
      ctx.actor,
    );
    const today = dayOf(ctx.now);
    return {
      ...confirmationOf(stored),
      status: 'arrived',
      followUps: (await ctx.store.arrivals.followUps({ householdId: input.caseId })).map((f) =>
        followUpOf(f, today),
      ),
    };
  },
});

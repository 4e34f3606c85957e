/**
 * `arrival.link`: a single-use link a receiving partner uses to confirm a case's arrival without
 * an account. The token is shown once, in this answer; only its SHA-256 is stored, so neither the
 * database nor a backup can give it back.
 */
import { arrivalLinkDays, errors, IdSchema } from '@corridor/core';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { caseStatus, LinkDaysInput, PartnerInput, tokenHash } from './schemas.js';

const command = 'arrival.link';

export const createArrivalLink = defineCommand({
  name: command,
  summary: 'Issue a single-use link a receiving partner uses to confirm a case’s arrival',
  input: z.object({
    caseId: IdSchema.describe('the case the link confirms'),
    partner: PartnerInput.describe('the office or agency the link is for'),
    days: LinkDaysInput.default(arrivalLinkDays.default).describe(
      `how long the link is valid (default ${arrivalLinkDays.default} days, at most ${arrivalLinkDays.max})`,
    ),
  }),
  output: z.object({
    id: z.string(),
    case: z.string(),
    partner: z.string(),
    expiresAt: z.string(),
    token: z.string().describe('shown once: only its SHA-256 is kept'),
    path: z
      .string()
      .describe('POST here (no login) with {"arrivedOn": "YYYY-MM-DD"} to confirm; single use'),
    page: z
      .string()
      .describe(
        'the same in a browser: a page with one button (the token after #, never sent to a server)',
      ),
  }),
  permission: 'arrival.link',
  audit: 'arrival.link',
  async run(ctx, input) {
    const status = await caseStatus(ctx, command, input.caseId);
    if (status !== 'departed' && status !== 'arrived')
      throw errors.invalidTransition(
        `case ${input.caseId}: is ${status}; a confirmation link is for a departed case`,
      );
    const token = randomBytes(32).toString('base64url');
    const id = `AL-${randomBytes(6).toString('hex')}`;
    const link = await ctx.store.arrivals.createLink(
      {
        id,
        tokenHash: tokenHash(token),
        householdId: input.caseId,
        partner: input.partner,
        expiresAt: new Date(ctx.now.getTime() + input.days * 86_400_000),
      },
      ctx.actor,
    );
    return {
      id: link.id,
      case: link.householdId,
      partner: link.partner,
      expiresAt: link.expiresAt,
      token,
      path: `/api/arrival-links/${token}`,
      page: `/arrival-link#${token}`,
    };
  },
});

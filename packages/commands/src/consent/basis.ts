/** `consent.basis`: the operation declares a basis other than consent for a purpose, or returns to consent. */
import { ConsentPurposeSchema, CountrySchema, errors, lawfulBases } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { LawfulBasisOut } from './schemas.js';

/**
 * Declares `vital-interests` for a purpose (and state, for a referral): from then on
 * `requireConsent` lets disclosures for that purpose through without each person's consent, and
 * the disclosure log names the basis; `consent` returns to asking each person. Kept with its
 * reason, who and when; the latest declaration counts.
 */
export const declareBasis = defineCommand({
  name: 'consent.basis',
  summary:
    'Declare the operation’s lawful basis for a purpose: vital interests, or back to consent',
  input: z.object({
    purpose: ConsentPurposeSchema,
    state: CountrySchema.optional().describe('a referral’s destination state (ISO alpha-3)'),
    basis: z.enum(lawfulBases, { error: () => `must be one of ${lawfulBases.join(', ')}` }),
    reason: z
      .string()
      .trim()
      .min(10, 'a reason of at least 10 characters (about the operation, never about a person)')
      .max(1000),
  }),
  output: z.object({ basis: LawfulBasisOut }),
  permission: 'consent.declareBasis',
  audit: 'consent.basis',
  async run(ctx, input) {
    if (input.state && input.purpose !== 'referral')
      throw errors.invalidInput(
        `invalid input for consent.basis at state: only a referral names a state, not ${input.purpose}`,
      );
    const basis = await ctx.store.consent.declareBasis(
      {
        purpose: input.purpose,
        state: input.state ?? null,
        basis: input.basis,
        reason: input.reason,
      },
      ctx.actor,
    );
    return { basis };
  },
});

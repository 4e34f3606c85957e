/** `consent.record`: a person's (or a whole case's) consent for one purpose: given, refused, withdrawn. */
import {
  ConsentDecisionSchema,
  ConsentPurposeSchema,
  CountrySchema,
  errors,
  IdSchema,
  IsoDateSchema,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ConsentOut } from './schemas.js';

/**
 * Records consent for each member of the case, or for one of them: a referral names the
 * destination state, the other purposes name none. The note is sealed under the person's key; the
 * audit event holds counts, the purpose and the state, never the note. History is kept: the
 * latest record per person, purpose and state is the one that counts.
 */
export const recordConsent = defineCommand({
  name: 'consent.record',
  summary: "Record a person's or a case's consent for a purpose: given, refused or withdrawn",
  input: z.object({
    caseId: IdSchema.describe('the case (household)'),
    personId: IdSchema.optional().describe('one member only (default: every member)'),
    purpose: ConsentPurposeSchema.describe('registration, referral, carrier-sharing or messages'),
    state: CountrySchema.optional().describe(
      'the destination state of a referral (ISO 3166-1 alpha-3, e.g. DEU); only for referral',
    ),
    decision: ConsentDecisionSchema.describe('given, refused or withdrawn'),
    date: IsoDateSchema.optional().describe('YYYY-MM-DD the person decided (default: today)'),
    note: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .describe('free text, sealed under the person’s key'),
  }),
  output: z.object({ case: z.string(), recorded: z.array(ConsentOut) }),
  permission: 'consent.record',
  audit: 'consent.record',
  async run(ctx, input) {
    const field = (name: string, reason: string) =>
      errors.invalidInput(`invalid input for consent.record at ${name}: ${reason}`, {
        issues: [{ path: name, message: reason }],
      });
    if (input.purpose === 'referral' && !input.state)
      throw field('state', 'a referral names the destination state (e.g. DEU)');
    if (input.purpose !== 'referral' && input.state)
      throw field('state', `only a referral names a state, not ${input.purpose}`);
    const today = ctx.now.toISOString().slice(0, 10);
    if (input.date && input.date > today)
      throw field('date', `must not be in the future (today is ${today})`);
    const view = await ctx.store.registry.household(input.caseId);
    if (!view) throw errors.notFound('case', input.caseId);
    const members = view.members.filter((m) => m.mergedInto === null).map((m) => m.id);
    if (input.personId && !members.includes(input.personId))
      throw field('personId', `${input.personId} is not a member of case ${input.caseId}`);
    // A whole case: its living records (an erased member has no key to seal a note under).
    const living = view.members.filter((m) => m.mergedInto === null && m.pii !== null);
    const persons = input.personId ? [input.personId] : living.map((m) => m.id);
    if (persons.length === 0)
      throw field('caseId', `case ${input.caseId} has no member whose data was not erased`);
    const recorded = await ctx.store.consent.record(
      persons.map((personId) => ({
        personId,
        purpose: input.purpose,
        state: input.state ?? null,
        decision: input.decision,
        date: input.date ?? today,
        note: input.note ?? null,
      })),
      ctx.actor,
    );
    return { case: input.caseId, recorded };
  },
});

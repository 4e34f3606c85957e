/** `consent.list`: where a case's consents stand, per member and purpose, with the whole history. */
import { consentKey, consentPurposes, currentConsents, errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ConsentListOut } from './schemas.js';

/**
 * The current decision per member and purpose (`none` when nothing was recorded; a referral per
 * state recorded), and every record oldest first, so a withdrawal never hides what came before.
 */
export const listConsent = defineCommand({
  name: 'consent.list',
  summary: "A case's consents: the current decision per person and purpose, and the history",
  input: z.object({
    caseId: IdSchema.describe('the case (household)'),
    personId: IdSchema.optional().describe('one member only'),
  }),
  output: ConsentListOut,
  permission: 'consent.read',
  audit: null,
  async run(ctx, input) {
    const view = await ctx.store.registry.household(input.caseId);
    if (!view) throw errors.notFound('case', input.caseId);
    const members = view.members.filter((m) => m.mergedInto === null).map((m) => m.id);
    if (input.personId && !members.includes(input.personId))
      throw errors.invalidInput(
        `invalid input for consent.list at personId: ${input.personId} is not a member of case ${input.caseId}`,
      );
    const persons = input.personId ? [input.personId] : members;
    const history = (await ctx.store.consent.history({ personIds: persons })).sort(
      (a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.date.localeCompare(b.date),
    );
    const current = currentConsents(history);
    return {
      case: input.caseId,
      purposes: [...consentPurposes],
      persons: persons.map((personId) => {
        const states = [
          ...new Set(
            history
              .filter((r) => r.personId === personId && r.purpose === 'referral')
              .map((r) => r.state),
          ),
        ].sort();
        const keys = [
          ...consentPurposes
            .filter((p) => p !== 'referral')
            .map((purpose) => ({ purpose, state: null })),
          ...states.map((state) => ({ purpose: 'referral' as const, state })),
        ];
        return {
          personId,
          current: keys.map(({ purpose, state }) => {
            const r = current.get(consentKey({ personId, purpose, state }));
            return {
              purpose,
              state,
              decision: r?.decision ?? ('none' as const),
              date: r?.date ?? null,
              actor: r?.actor ?? null,
            };
          }),
        };
      }),
      history,
      bases: await ctx.store.consent.bases(),
    };
  },
});

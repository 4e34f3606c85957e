/**
 * The one check of a basis for using personal data for a purpose: every command that discloses
 * (manifests, PAXLST, exports) or contacts persons (messages, issue 23) calls it before it writes
 * or sends anything.
 */
import {
  basisInForce,
  errors,
  missingConsents,
  missingConsentText,
  refusedConsents,
  type ConsentPurpose,
  type LawfulBasisRecord,
  type MissingConsent,
} from '@corridor/core';
import type { CommandContext } from '../context.js';

/** The persons among `personIds` without consent given for `purpose` (and `state`). */
export async function consentGaps(
  ctx: Pick<CommandContext, 'store'>,
  personIds: readonly string[],
  purpose: ConsentPurpose,
  state: string | null = null,
): Promise<MissingConsent[]> {
  if (personIds.length === 0) return [];
  const households = await ctx.store.consent.householdsOf(personIds);
  const persons = [...new Set(personIds)].map((personId) => ({
    personId,
    householdId: households.get(personId) ?? '?',
  }));
  const records = await ctx.store.consent.history({ personIds });
  return missingConsents(persons, records, purpose, state);
}

/** The basis a disclosure rested on: everyone's consent, or the operation's declared basis. */
export interface Basis {
  basis: 'consent' | LawfulBasisRecord['basis'];
  declared: LawfulBasisRecord | null;
  /** How the disclosure log names the purpose: `carrier-sharing`, `carrier-sharing (vital-interests)`. */
  label: string;
}

/**
 * Throws 409 `no-consent` naming each person (and case) without consent given for `purpose` (to
 * `state`, for a referral), e.g. "P-00012 (C-0004): no consent for carrier-sharing"; resolves
 * with the basis when everyone has it, or when the operation declared another basis for that
 * purpose (vital interests). Call it before anything is written or handed out.
 */
export async function requireConsent(
  ctx: Pick<CommandContext, 'store'>,
  personIds: readonly string[],
  purpose: ConsentPurpose,
  state: string | null = null,
): Promise<Basis> {
  const declared = basisInForce(await ctx.store.consent.bases(), purpose, state);
  if (declared) return { basis: declared.basis, declared, label: `${purpose} (${declared.basis})` };
  const gaps = await consentGaps(ctx, personIds, purpose, state);
  if (gaps.length === 0) return { basis: 'consent', declared: null, label: purpose };
  const what = state ? `${purpose} to ${state}` : purpose;
  throw errors.noConsent(what, gaps.map(missingConsentText), {
    purpose,
    state,
    missing: gaps.map((g) => ({
      personId: g.personId,
      householdId: g.householdId,
      decision: g.decision,
    })),
  });
}

/**
 * Throws 409 `no-consent` naming each person (and case) whose current record for `purpose` is
 * refused or withdrawn (a person never asked passes), unless the operation declared another basis
 * for the purpose. Registration consent gates a case's referral this way (docs/consent.md).
 */
export async function requireNotRefused(
  ctx: Pick<CommandContext, 'store'>,
  personIds: readonly string[],
  purpose: ConsentPurpose,
): Promise<void> {
  if (personIds.length === 0) return;
  if (basisInForce(await ctx.store.consent.bases(), purpose, null)) return;
  const households = await ctx.store.consent.householdsOf(personIds);
  const persons = [...new Set(personIds)].map((personId) => ({
    personId,
    householdId: households.get(personId) ?? '?',
  }));
  const refused = refusedConsents(persons, await ctx.store.consent.history({ personIds }), purpose);
  if (refused.length === 0) return;
  throw errors.noConsent(purpose, refused.map(missingConsentText), {
    purpose,
    state: null,
    missing: refused.map((g) => ({
      personId: g.personId,
      householdId: g.householdId,
      decision: g.decision,
    })),
  });
}

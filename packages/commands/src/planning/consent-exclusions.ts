/**
 * Registration consent gates planning, as it gates referral (issue 20): a case with a member whose
 * current registration consent is refused or withdrawn is left out of allocation, timetable and
 * re-planning runs, and the run's answer says which (unless the operation declared another lawful
 * basis for registration, docs/consent.md).
 */
import { basisInForce, refusedConsents } from '@corridor/core';
import type { Store } from '@corridor/storage';

/** The cases among `caseIds` (sorted) with a member whose registration consent is refused or withdrawn. */
export async function casesWithoutRegistrationConsent(
  store: Store,
  caseIds: readonly string[],
): Promise<string[]> {
  if (caseIds.length === 0) return [];
  if (basisInForce(await store.consent.bases(), 'registration', null)) return [];
  const members = await store.checkin.members(caseIds);
  const personIds = members.map((m) => m.personId);
  if (personIds.length === 0) return [];
  const refused = refusedConsents(
    members.map((m) => ({ personId: m.personId, householdId: m.householdId })),
    await store.consent.history({ personIds }),
    'registration',
  );
  return [...new Set(refused.map((r) => r.householdId))].sort();
}

/** What a planning answer says about the cases left out for consent. */
export interface ConsentExclusions {
  /** Cases left out because a member refused or withdrew registration consent. */
  withoutConsent: number;
  withoutConsentCases: string[];
}

/** The answer's fields for the cases left out. */
export const exclusionsOf = (caseIds: readonly string[]): ConsentExclusions => ({
  withoutConsent: caseIds.length,
  withoutConsentCases: [...caseIds],
});

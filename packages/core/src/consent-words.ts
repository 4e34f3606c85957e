/**
 * The words of consent (issue 20 item 4), without zod: the purposes, the decisions, and a consent
 * as seeded with a new operation. `consent.ts` builds the schemas on them; `schemas.ts` needs the
 * seed's shape for `OperationData` and may not import `consent.ts` (which imports it).
 */

/** What personal data is used for: each needs its own basis. */
export const consentPurposes = ['registration', 'referral', 'carrier-sharing', 'messages'] as const;
/** One purpose. `referral` is always to a named destination state. */
export type ConsentPurpose = (typeof consentPurposes)[number];
/** What the person said. */
export const consentDecisions = ['given', 'refused', 'withdrawn'] as const;
/** One decision. */
export type ConsentDecision = (typeof consentDecisions)[number];

/** One consent as seeded with a new operation (the demo, say): no note, recorded by the creator. */
export interface ConsentSeed {
  personId: string;
  purpose: ConsentPurpose;
  /** The destination state (ISO 3166-1 alpha-3) of a referral; null for the other purposes. */
  state: string | null;
  decision: ConsentDecision;
  /** YYYY-MM-DD */
  date: string;
}

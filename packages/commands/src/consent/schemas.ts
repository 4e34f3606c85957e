/** What consent commands answer: one record, with the note redacted for roles that may not see it. */
import { consentDecisions, consentPurposes, lawfulBases, personal } from '@corridor/core';
import { z } from 'zod';

/** One consent record as interfaces show it. */
export const ConsentOut = z.object({
  id: z.string(),
  personId: z.string(),
  householdId: z.string(),
  purpose: z.enum(consentPurposes),
  state: z.string().nullable(),
  decision: z.enum(consentDecisions),
  date: z.string(),
  actor: z.string(),
  recordedAt: z.string(),
  note: personal('protectionNote', z.string()),
});
export type ConsentOut = z.infer<typeof ConsentOut>;

/** A lawful basis the operation declared for a purpose (no personal data). */
export const LawfulBasisOut = z.object({
  id: z.string(),
  purpose: z.enum(consentPurposes),
  state: z.string().nullable(),
  basis: z.enum(lawfulBases),
  reason: z.string(),
  actor: z.string(),
  recordedAt: z.string(),
});
export type LawfulBasisOut = z.infer<typeof LawfulBasisOut>;

/** Where a case's consents stand: the current record per person and purpose, and the history. */
export const ConsentListOut = z.object({
  case: z.string(),
  purposes: z.array(z.enum(consentPurposes)),
  persons: z.array(
    z.object({
      personId: z.string(),
      current: z.array(
        z.object({
          purpose: z.enum(consentPurposes),
          state: z.string().nullable(),
          /** The current decision, or `none` when nothing was ever recorded. */
          decision: z.enum([...consentDecisions, 'none']),
          date: z.string().nullable(),
          actor: z.string().nullable(),
        }),
      ),
    }),
  ),
  history: z.array(ConsentOut),
  /** The operation's declarations of a basis other than consent, oldest first. */
  bases: z.array(LawfulBasisOut),
});
export type ConsentListOut = z.infer<typeof ConsentListOut>;

/**
 * Consent and purpose (issue 20 item 4): per person and purpose, the latest record wins; a
 * disclosure of personal data needs a basis (consent given, or a lawful basis the operation
 * declared for that purpose). Pure: the store keeps the records, this says what they mean.
 */
import { z } from 'zod';
import {
  consentDecisions,
  consentPurposes,
  type ConsentDecision,
  type ConsentPurpose,
  type ConsentSeed,
} from './consent-words.js';
import { CountrySchema, IdSchema, IsoDateSchema } from './schemas.js';

export { consentDecisions, consentPurposes };
export type { ConsentDecision, ConsentPurpose, ConsentSeed };

/** The purpose as input: one of `consentPurposes`. */
export const ConsentPurposeSchema = z.enum(consentPurposes, {
  error: () => `must be one of ${consentPurposes.join(', ')}`,
});
/** The decision as input: one of `consentDecisions`. */
export const ConsentDecisionSchema = z.enum(consentDecisions, {
  error: () => `must be one of ${consentDecisions.join(', ')}`,
});

/** One consent as seeded with a new operation (the demo, say): no note, recorded by the creator. */
export const ConsentSeedSchema: z.ZodType<ConsentSeed> = z.object({
  personId: IdSchema,
  purpose: ConsentPurposeSchema,
  /** The destination state (ISO 3166-1 alpha-3) of a referral; null for the other purposes. */
  state: CountrySchema.nullable(),
  decision: ConsentDecisionSchema,
  date: IsoDateSchema,
});

/** A stored consent record as commands see it (the note already opened, or null). */
export interface ConsentRecord {
  id: string;
  personId: string;
  householdId: string;
  purpose: ConsentPurpose;
  state: string | null;
  decision: ConsentDecision;
  date: string;
  actor: string;
  recordedAt: string;
  note: string | null;
}

/** The key a record is current under: person, purpose and (for a referral) state. */
export function consentKey(r: { personId: string; purpose: string; state: string | null }): string {
  return `${r.personId}|${r.purpose}|${r.state ?? ''}`;
}

/**
 * The current record per (person, purpose, state): the one recorded last (a paper form entered
 * late, with an earlier date, still changes what counts now); earlier ones stay in the history.
 */
export function currentConsents<T extends ConsentRecord>(records: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const r of records) {
    const k = consentKey(r);
    const held = latest.get(k);
    if (!held || r.recordedAt >= held.recordedAt) latest.set(k, r);
  }
  return latest;
}

/** Why one person has no basis for a purpose: no record, or a refusal or withdrawal. */
export interface MissingConsent {
  personId: string;
  householdId: string;
  purpose: ConsentPurpose;
  state: string | null;
  /** The current decision when there is one (refused, withdrawn), else null: never recorded. */
  decision: ConsentDecision | null;
}

/** The persons among `persons` whose current record for `purpose` (and `state`) is not `given`. */
export function missingConsents(
  persons: readonly { personId: string; householdId: string }[],
  records: readonly ConsentRecord[],
  purpose: ConsentPurpose,
  state: string | null = null,
): MissingConsent[] {
  const current = currentConsents(records);
  const missing: MissingConsent[] = [];
  for (const p of persons) {
    const r = current.get(consentKey({ personId: p.personId, purpose, state }));
    if (r?.decision !== 'given')
      missing.push({ ...p, purpose, state, decision: r?.decision ?? null });
  }
  return missing;
}

/**
 * The persons among `persons` whose current record for `purpose` (and `state`) is a refusal or a
 * withdrawal; unlike `missingConsents`, a person with no record is not among them (an import
 * records no consent, and registration was the reason the person is in the registry at all).
 */
export function refusedConsents(
  persons: readonly { personId: string; householdId: string }[],
  records: readonly ConsentRecord[],
  purpose: ConsentPurpose,
  state: string | null = null,
): MissingConsent[] {
  return missingConsents(persons, records, purpose, state).filter((m) => m.decision !== null);
}

/** One line per missing basis: "P-00012 (C-0004): no consent for carrier-sharing". */
export function missingConsentText(m: MissingConsent): string {
  const what = m.state ? `${m.purpose} to ${m.state}` : m.purpose;
  const why = m.decision ? `consent for ${what} ${m.decision}` : `no consent for ${what}`;
  return `${m.personId} (${m.householdId}): ${why}`;
}

/**
 * The basis an operation may declare for a purpose instead of each person's consent: `consent`
 * (the default: each person's), or `vital-interests` (GDPR Art. 6(1)(d), ICRC Handbook: when
 * asking is impossible and lives are at stake, as on an evacuation day).
 */
export const lawfulBases = ['consent', 'vital-interests'] as const;
/** One lawful basis. */
export type LawfulBasis = (typeof lawfulBases)[number];

/** A declared basis as stored: per purpose (and state, for a referral), the latest counts. */
export interface LawfulBasisRecord {
  id: string;
  purpose: ConsentPurpose;
  state: string | null;
  basis: LawfulBasis;
  reason: string;
  actor: string;
  recordedAt: string;
}

/**
 * The basis in force for `purpose` (to `state`): the latest declaration for that state, else for
 * the purpose as a whole; `consent` when none was declared.
 */
export function basisInForce(
  declared: readonly LawfulBasisRecord[],
  purpose: ConsentPurpose,
  state: string | null = null,
): LawfulBasisRecord | null {
  const latest = (s: string | null) =>
    declared
      .filter((d) => d.purpose === purpose && d.state === s)
      .reduce<LawfulBasisRecord | null>(
        (held, d) => (!held || d.recordedAt >= held.recordedAt ? d : held),
        null,
      );
  const found = (state !== null ? latest(state) : null) ?? latest(null);
  return found && found.basis !== 'consent' ? found : null;
}

/** What left the system: the kinds the disclosure log knows. */
export const disclosureKinds = [
  'manifest',
  'paxlst',
  'registry-export',
  'custody-record',
  'webhook',
  'message',
  'handover',
] as const;
/** One kind of disclosure. */
export type DisclosureKind = (typeof disclosureKinds)[number];

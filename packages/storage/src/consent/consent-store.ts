/** Consent per person and purpose, and the disclosure log (issue 20 item 4). */
import type {
  ConsentDecision,
  ConsentPurpose,
  ConsentRecord,
  DisclosureKind,
  LawfulBasis,
  LawfulBasisRecord,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** One consent to record; `note` is sealed under the person's data key. */
export interface ConsentInput {
  personId: string;
  purpose: ConsentPurpose;
  state: string | null;
  decision: ConsentDecision;
  date: string;
  note: string | null;
}

/** A person a disclosure carried. */
export interface DisclosedPerson {
  personId: string;
  householdId: string;
}

/** One disclosure to log: what left, to whom, carrying whom. */
export interface DisclosureInput {
  kind: DisclosureKind;
  format: string | null;
  /** Who received it: `carrier XY`, `state DEU`, `download by user anna`, `webhook host`. */
  recipient: string;
  /** The movement, plan, person or export kind it was about. */
  subject: string | null;
  /** The purpose whose basis allowed it, when one was needed, with a basis other than consent. */
  purpose: string | null;
  persons: readonly DisclosedPerson[];
}

/** A logged disclosure, with the ids of the persons it carried. */
export interface Disclosure {
  id: string;
  at: string;
  actor: string;
  role: string;
  kind: DisclosureKind;
  format: string | null;
  recipient: string;
  subject: string | null;
  purpose: string | null;
  persons: number;
  personIds: string[];
}

/** Which disclosures to list; every filter is optional. */
export interface DisclosureFilter {
  personId?: string;
  householdId?: string;
  kind?: DisclosureKind;
  /** Inclusive, ISO date or date-time. */
  from?: string;
  /** Exclusive, ISO date or date-time. */
  to?: string;
  limit: number;
}

/** Consents and disclosures of one database. */
export interface ConsentStore {
  /**
   * Records consents in one transaction with one `consent.record` audit event (counts, purpose
   * and state; never the note); refuses unknown or erased persons, writing nothing.
   */
  record(rows: readonly ConsentInput[], actor: Actor): Promise<ConsentRecord[]>;
  /** Every consent record of the given persons (or of a case), oldest first, notes opened. */
  history(of: { personIds?: readonly string[]; householdId?: string }): Promise<ConsentRecord[]>;
  /** Declares the operation's basis for a purpose (and state); audited as `consent.basis`. */
  declareBasis(
    entry: { purpose: ConsentPurpose; state: string | null; basis: LawfulBasis; reason: string },
    actor: Actor,
  ): Promise<LawfulBasisRecord>;
  /** Every declaration, oldest first. */
  bases(): Promise<LawfulBasisRecord[]>;
  /** The case of each of the given persons (unknown ids are left out). */
  householdsOf(personIds: readonly string[]): Promise<Map<string, string>>;
  /** Appends one disclosure and its persons, at `at`; joins the caller's transaction. */
  logDisclosure(entry: DisclosureInput, actor: Actor, at: Date): Promise<string>;
  /** The disclosures matching `filter`, newest first. */
  disclosures(filter: DisclosureFilter): Promise<Disclosure[]>;
}

/**
 * After arrival (issue 23 item 5): confirmations of a case's arrival by the receiving state or
 * partner, single-use confirmation links (the token itself is never stored: only its SHA-256),
 * and the follow-up contacts 1, 3 and 12 months on. No free text and no personal data: ids,
 * dates, organisations' names and outcome codes.
 */
import type { Actor } from '../audit/audit-store.js';

/** One confirmation of a case's arrival. */
export interface ArrivalConfirmation {
  id: number;
  householdId: string;
  partner: string;
  via: string;
  arrivedOn: string;
  actor: string;
  role: string;
  recordedAt: string;
}

/** A confirmation to record, with the follow-ups to create if the case has none yet. */
export interface NewConfirmation {
  householdId: string;
  partner: string;
  via: string;
  arrivedOn: string;
  followUps: { month: number; dueOn: string }[];
}

/** A confirmation link as kept: who issued it, for which case and partner, until when. */
export interface ArrivalLink {
  id: string;
  householdId: string;
  partner: string;
  expiresAt: string;
  usedAt: string | null;
  createdBy: string;
  createdRole: string;
  createdAt: string;
}

/** One follow-up contact, due or made. */
export interface FollowUp {
  householdId: string;
  month: number;
  dueOn: string;
  doneOn: string | null;
  outcome: string | null;
  actor: string | null;
  role: string | null;
  recordedAt: string | null;
}

/** Which follow-ups to list. */
export interface FollowUpFilter {
  householdId?: string;
  /** Only those not made yet and due on or before this day (YYYY-MM-DD). */
  dueBy?: string;
}

/** The after-arrival capability's storage. */
export interface ArrivalStore {
  /** Records a confirmation (audited `arrival.confirm`) and the case's follow-ups if it has none. */
  confirm(c: NewConfirmation, actor: Actor): Promise<ArrivalConfirmation>;
  /** Confirmations, newest first, of one case or of all. */
  confirmations(householdId?: string): Promise<ArrivalConfirmation[]>;
  /** Keeps a link by the SHA-256 of its token (audited `arrival.link`, without the token). */
  createLink(
    link: { id: string; tokenHash: string; householdId: string; partner: string; expiresAt: Date },
    actor: Actor,
  ): Promise<ArrivalLink>;
  /** The link whose token has this hash, whatever its state; undefined when there is none. */
  linkByHash(tokenHash: string): Promise<ArrivalLink | undefined>;
  /**
   * Marks the link used, if it is unused and unexpired at `now`, in the caller's transaction; the
   * link, or undefined when it is unknown, used or expired (one answer for all three).
   */
  takeLink(tokenHash: string, now: Date): Promise<ArrivalLink | undefined>;
  /** Follow-ups, earliest due first. */
  followUps(filter?: FollowUpFilter): Promise<FollowUp[]>;
  /** Records the outcome of a follow-up (audited `arrival.follow-up`); undefined when not due. */
  recordFollowUp(
    r: { householdId: string; month: number; doneOn: string; outcome: string },
    actor: Actor,
  ): Promise<FollowUp | undefined>;
}

/**
 * The grievances capability (issue 23 item 2): complaints per case with their deadline and
 * history, and appeals against an allocation. The words people give (a complaint, an answer, an
 * appeal's grounds, a decision's reason) are sealed under the keys of the case's members; erasing
 * any of them shows `(erased)` in their place while codes, dates and statuses stay.
 */
import type { Actor } from '../audit/audit-store.js';

/** One line of a grievance's history: filed, a status change, or an answer. */
export interface GrievanceEvent {
  kind: 'filed' | 'status' | 'response';
  from: string | null;
  to: string;
  /** The answer or note given with it; null when none. */
  text: string | null;
  actor: string;
  role: string;
  at: string;
}

/** A grievance as listed: codes, dates and status, never its words. */
export interface GrievanceSummary {
  id: string;
  householdId: string;
  channel: string;
  category: string;
  urgency: string;
  confidential: boolean;
  status: string;
  receivedAt: string;
  dueAt: string;
  createdBy: string;
  createdRole: string;
  updatedAt: string;
}

/** A grievance with its words and its history. */
export interface StoredGrievance extends GrievanceSummary {
  text: string;
  history: GrievanceEvent[];
}

/** A complaint to log; the command has validated it and set its deadline. */
export interface NewGrievance {
  householdId: string;
  channel: string;
  category: string;
  urgency: string;
  confidential: boolean;
  text: string;
  receivedAt: Date;
  dueAt: Date;
}

/** Which grievances to list; confidential ones only when the reader may see them. */
export interface GrievanceFilter {
  householdId?: string;
  status?: string;
  includeConfidential: boolean;
  /** Only those waiting for an answer whose deadline is before this moment. */
  overdueAt?: Date;
}

/** A status change or an answer; `check` judges the move from the stored status (throws to refuse). */
export interface GrievanceChange {
  kind: 'status' | 'response';
  to: string;
  text: string | null;
  check: (from: string) => void;
}

/** An appeal against an allocation, with the explanation it was filed against. */
export interface StoredAppeal {
  id: string;
  householdId: string;
  status: 'filed' | 'upheld' | 'rejected';
  grounds: string;
  requestedDestinationId: string | null;
  /** The allocation plan appealed against, and the case's destination in it. */
  planId: number;
  destinationId: string | null;
  /** The allocation's explanation for the case when the appeal was filed (no personal data). */
  explanation: Record<string, unknown>;
  filedBy: string;
  filedRole: string;
  filedAt: string;
  decision: {
    outcome: 'upheld' | 'rejected';
    reason: string;
    by: string;
    role: string;
    at: string;
    newDestinationId: string | null;
    newPlanId: number | null;
  } | null;
}

/** An appeal to file; the command ran the explanation. */
export interface NewAppeal {
  householdId: string;
  grounds: string;
  requestedDestinationId: string | null;
  planId: number;
  destinationId: string | null;
  explanation: Record<string, unknown>;
}

/** A decision; an upheld one names the plan version the command saved and the new destination. */
export interface AppealDecision {
  outcome: 'upheld' | 'rejected';
  reason: string;
  newDestinationId: string | null;
  newPlanId: number | null;
}

/** Grievances and appeals of one operation. */
export interface GrievanceStore {
  /** Logs a complaint (the words sealed), its history's first line and the audit event, in one transaction. */
  add(grievance: NewGrievance, actor: Actor): Promise<StoredGrievance>;
  /** A grievance with its words; undefined when unknown, or confidential and not to be seen. */
  get(id: string, options: { includeConfidential: boolean }): Promise<StoredGrievance | undefined>;
  /** Grievances by deadline, earliest first. */
  list(filter: GrievanceFilter): Promise<GrievanceSummary[]>;
  /**
   * Moves a grievance (and records an answer), under a row lock, with its history line and the
   * audit event; not found (404) when confidential and not to be seen.
   */
  change(
    id: string,
    change: GrievanceChange,
    actor: Actor,
    options: { includeConfidential: boolean },
  ): Promise<StoredGrievance>;
  /** Files an appeal (grounds sealed) with the audit event. */
  fileAppeal(appeal: NewAppeal, actor: Actor): Promise<StoredAppeal>;
  /** One appeal. */
  appeal(id: string): Promise<StoredAppeal | undefined>;
  /** Appeals, newest first. */
  appeals(filter: { householdId?: string; status?: string }): Promise<StoredAppeal[]>;
  /**
   * Decides a filed appeal (409 when already decided), writes the case-history line (ids in
   * clear, the reason sealed) and the audit event, in the caller's transaction.
   */
  decideAppeal(id: string, decision: AppealDecision, actor: Actor): Promise<StoredAppeal>;
}

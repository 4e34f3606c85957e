/** Host-state procedures (issue 21): templates per state and the steps of each case's procedure. */
import type { ProcedureStep, ProcedureTemplate } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** A recorded step as read back: the note opened (or `(erased)`), null when there is none. */
export interface StoredProcedureStep extends ProcedureStep {
  note: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** A step to write; `note` is sealed under the case members' keys. */
export interface ProcedureStepWrite extends ProcedureStep {
  note?: string | null;
}

/** Which steps to read. */
export interface ProcedureStepFilter {
  caseIds?: readonly string[];
  state?: string;
  /** Steps whose expiry is on or before this day (YYYY-MM-DD). */
  expiresBy?: string;
}

/** The procedures capability. */
export interface ProcedureStore {
  /** The statuses of the given cases that exist and were not merged into another. */
  caseStatuses(caseIds: readonly string[]): Promise<Map<string, string>>;
  /** The template set for `state`, if one was. */
  template(state: string): Promise<ProcedureTemplate | undefined>;
  /** Every template set, by state. */
  templates(): Promise<ProcedureTemplate[]>;
  /** Sets a state's template, audited as `procedure.template-set` (no personal data). */
  setTemplate(template: ProcedureTemplate, actor: Actor): Promise<void>;
  /** Steps, ordered by case, state and step name; notes opened only when `withNotes`. */
  steps(filter?: ProcedureStepFilter, withNotes?: boolean): Promise<StoredProcedureStep[]>;
  /**
   * Writes steps (each replaces the case's earlier record of that state and step) in one
   * transaction with one audit event `action` whose detail holds counts, states and step names.
   */
  record(steps: readonly ProcedureStepWrite[], actor: Actor, action: string): Promise<number>;
}

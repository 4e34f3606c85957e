/** The retention capability: schedules per data category, legal holds, and the job's reports. */
import type {
  ProcessingFacts,
  RetentionAction,
  RetentionAnchor,
  RetentionCategory,
  RetentionRule,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** A category's schedule as kept: the default until an administrator sets it. */
export interface RetentionSchedule extends RetentionRule {
  isDefault: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** What a legal hold covers: one person, or every member of one case. */
export type HoldSubject = 'person' | 'case';

/** A legal hold; `reason` is opened for the reader (`(erased)` once a person it concerns is erased). */
export interface LegalHold {
  id: string;
  subject: HoldSubject;
  subjectId: string;
  reason: string;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
}

/** What one run did with one category: ids and counts only, never personal values. */
export interface RetentionCategoryReport {
  category: RetentionCategory;
  days: number;
  after: RetentionAnchor;
  /** Items whose anchor is at or before this moment are due. */
  cutoff: string;
  action: RetentionAction;
  /** Items due and not held. */
  due: number;
  /** Items shredded (0 in a dry run, and for a category the job only reports). */
  shredded: number;
  /** Persons whose items were (or, in a dry run, would be) shredded. */
  persons: string[];
  /** Items due but kept under a legal hold, and the persons they concern. */
  held: number;
  heldPersons: string[];
  /** Ids of reported items that are not persons' (backups to delete). */
  items: string[];
  /**
   * Items shredded whose old copies (dead rows, WAL until recycled) stay readable with a key that
   * lives on: sealed before items had secrets of their own, or stored in clear. The others are
   * unreadable on disk once the report is `final`.
   */
  notFinal: number;
  /** What stays on disk or elsewhere after the run, said plainly. */
  remains: string;
}

/** One run of the retention job. */
export interface RetentionReport {
  /** Null for a dry run, which is not kept. */
  id: string | null;
  ranAt: string;
  asOf: string;
  dryRun: boolean;
  actor: string;
  activeHolds: number;
  categories: RetentionCategoryReport[];
  /**
   * Whether the shredding is final on disk: the key generation that wrapped the shredded items'
   * own secrets is destroyed (true when nothing shredded needed it); `notFinal` items excepted.
   */
  final: boolean;
  /** When it became, or will at the latest become, final; null when no rotation was needed. */
  finalBy: string | null;
}

/** Schedules, holds and runs; every write appends its audit event in its transaction. */
export interface RetentionStore {
  /** Every category's schedule, defaults filled in. */
  schedules(): Promise<RetentionSchedule[]>;
  /** Sets one category's schedule; audited `retention.set` with the old and new period. */
  setSchedule(rule: RetentionRule, actor: Actor, now: Date): Promise<RetentionSchedule>;
  /** Holds, newest first; `active` keeps only those not released. */
  holds(options?: { active?: boolean }): Promise<LegalHold[]>;
  /** The active holds that cover a person (theirs or their case's). */
  holdsOn(personId: string): Promise<LegalHold[]>;
  /** Places a hold; its reason is sealed under the keys of the persons it concerns. */
  placeHold(
    input: { subject: HoldSubject; subjectId: string; reason: string },
    actor: Actor,
    now: Date,
  ): Promise<LegalHold>;
  /** Releases the active hold on a person or case. */
  releaseHold(
    input: { subject: HoldSubject; subjectId: string },
    actor: Actor,
    now: Date,
  ): Promise<LegalHold>;
  /**
   * Applies the schedules as of `asOf`: shreds what is due and not held, keeps the report and
   * audits the run, all in one transaction; a dry run computes the same report and writes nothing.
   */
  apply(asOf: Date, options: { dryRun: boolean }, actor: Actor): Promise<RetentionReport>;
  /** Reclaims the space of shredded rows (VACUUM), outside any transaction. */
  reclaim(): Promise<void>;
  /** Kept reports, newest first. */
  reports(limit: number): Promise<RetentionReport[]>;
  /** The operation's settings and counts for the DPO's documents (no person's data). */
  facts(): Promise<ProcessingFacts>;
}

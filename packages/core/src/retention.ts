/**
 * Retention (issue 20 item 5): the categories of personal data Corridor keeps, what each is counted
 * from, how long by default, and what the retention job does with what is due. Pure: no I/O.
 */

/** The data categories a retention schedule is kept for. */
export const retentionCategories = [
  'documents',
  'checkin',
  'case-notes',
  'audit',
  'backups',
] as const;
/** One data category. */
export type RetentionCategory = (typeof retentionCategories)[number];

/** The events a retention period is counted from. */
export const retentionAnchors = ['arrival', 'closure', 'movement', 'event', 'expiry'] as const;
/** What a period is counted from. */
export type RetentionAnchor = (typeof retentionAnchors)[number];

/** Case statuses that close a case: nothing more will happen to it in this operation. */
export const closedCaseStatuses = ['arrived', 'withdrawn', 'deceased'] as const;

/** What the job does with a due item: shred it, or report it (kept, with the reason). */
export type RetentionAction = 'shred' | 'report';

/** One category: what it holds, the anchors it may be counted from, its default and its action. */
export interface RetentionCategoryInfo {
  what: string;
  anchors: readonly RetentionAnchor[];
  days: number;
  after: RetentionAnchor;
  action: RetentionAction;
}

/** The one place the categories and their defaults live. */
export const retentionCategoryInfo: Readonly<Record<RetentionCategory, RetentionCategoryInfo>> = {
  documents: {
    what: 'travel documents (type, issuer, expiry, encrypted number and MRZ)',
    anchors: ['arrival', 'closure'],
    days: 90,
    after: 'arrival',
    action: 'shred',
  },
  checkin: {
    what: 'check-in log events (status, station, time, note) of each passenger',
    anchors: ['movement', 'arrival'],
    days: 365,
    after: 'movement',
    action: 'shred',
  },
  'case-notes': {
    what: 'case-history free text entered by staff (sealed reasons, protection notes)',
    anchors: ['closure'],
    days: 365,
    after: 'closure',
    action: 'shred',
  },
  audit: {
    what: 'audit metadata (who did what, when; no personal values)',
    anchors: ['event'],
    days: 2557,
    after: 'event',
    action: 'report',
  },
  backups: {
    what: 'encrypted backups (files the operator keeps; Corridor records their expiry)',
    anchors: ['expiry'],
    days: 0,
    after: 'expiry',
    action: 'report',
  },
};

/** A schedule: keep `category` for `days` after `after`. */
export interface RetentionRule {
  category: RetentionCategory;
  days: number;
  after: RetentionAnchor;
}

/** The longest period a schedule may name (50 years). */
export const maxRetentionDays = 18_263;

/** Why `rule` cannot be kept, naming the field, or null when it can. */
export function retentionRuleProblem(rule: RetentionRule): string | null {
  const info = retentionCategoryInfo[rule.category];
  if (!info.anchors.includes(rule.after))
    return `after: category ${rule.category} is counted from ${info.anchors.join(' or ')}, not ${rule.after}`;
  if (!Number.isInteger(rule.days) || rule.days < 0 || rule.days > maxRetentionDays)
    return `days: must be a whole number of days from 0 to ${maxRetentionDays}`;
  return null;
}

/** The defaults, one rule per category. */
export const defaultRetentionRules: readonly RetentionRule[] = retentionCategories.map((c) => ({
  category: c,
  days: retentionCategoryInfo[c].days,
  after: retentionCategoryInfo[c].after,
}));

/** The moment before which an anchor makes an item due: `now` minus `days` days. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

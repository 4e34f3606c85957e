/**
 * Retention and legal holds as the API answers them (the output types of their commands), and
 * core's words for them, imported from core's own module (no zod in the page).
 */
export {
  maxRetentionDays,
  retentionCategoryInfo,
  type RetentionAnchor,
  type RetentionCategory,
} from '../../../core/src/retention.js';
import type {
  CommandOutput,
  listLegalHolds,
  retentionReports,
  showRetention,
} from '@corridor/commands';

/** One data category's schedule (`GET /api/retention`). */
export type Schedule = CommandOutput<typeof showRetention>['schedules'][number];

/** One run of the retention job (`GET /api/retention/reports`, and a job's result). */
export type RetentionReport = CommandOutput<typeof retentionReports>['reports'][number];

/** A legal hold (`GET /api/legal-holds`); its reason is null for roles that may not read it. */
export type LegalHold = CommandOutput<typeof listLegalHolds>['holds'][number];

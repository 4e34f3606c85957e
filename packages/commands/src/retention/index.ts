/** Retention (issue 20 item 5): schedules, the job that applies them, its reports, legal holds. */
import type { AnyCommand } from '../define.js';
import { listLegalHolds } from './hold-list.js';
import { placeLegalHold } from './hold-place.js';
import { releaseLegalHold } from './hold-release.js';
import { retentionReports } from './reports.js';
import { runRetention } from './run.js';
import { HoldOut, ReportOut, ScheduleOut } from './schemas.js';
import { setRetention } from './set.js';
import { showRetention } from './show.js';

export {
  HoldOut,
  listLegalHolds,
  placeLegalHold,
  ReportOut,
  releaseLegalHold,
  retentionReports,
  runRetention,
  ScheduleOut,
  setRetention,
  showRetention,
};

/** Every retention command, for the command table. */
export const retentionCommands = [
  showRetention,
  setRetention,
  runRetention,
  retentionReports,
  placeLegalHold,
  releaseLegalHold,
  listLegalHolds,
] as unknown as readonly AnyCommand[];

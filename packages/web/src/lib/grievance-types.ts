/**
 * Grievances and appeals as the API answers them (the output types of their commands), and core's
 * words for them, imported from core's own module (no zod in the page).
 */
export {
  grievanceCategories,
  grievanceChannels,
  grievanceStatuses,
  grievanceUrgencies,
  grievanceMoves,
  type GrievanceStatus,
} from '../../../core/src/grievance.js';
import type { CommandOutput, listAppeals, listGrievances, showGrievance } from '@corridor/commands';

/** One row of the log: no words (`GET /api/grievances`). */
export type GrievanceRow = CommandOutput<typeof listGrievances>[number];

/** One grievance with its words (null when the role may not read them) and history. */
export type Grievance = CommandOutput<typeof showGrievance>;

/** An appeal against an allocation (`GET /api/appeals`). */
export type Appeal = CommandOutput<typeof listAppeals>[number];

/**
 * Grievances and appeals as the API answers them (`GrievanceRow`, `GrievanceOut`, `AppealOut` of
 * the commands), and core's words for them, imported from core's own module (no zod in the page).
 */
export {
  grievanceCategories,
  grievanceChannels,
  grievanceStatuses,
  grievanceUrgencies,
  grievanceMoves,
  type GrievanceStatus,
} from '../../../core/src/grievance.js';
import type { GrievanceStatus } from '../../../core/src/grievance.js';

/** One row of the log: no words. */
export interface GrievanceRow {
  id: string;
  case: string;
  channel: string;
  category: string;
  urgency: string;
  confidential: boolean;
  status: GrievanceStatus;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  loggedBy: string;
  updatedAt: string;
}

/** One grievance with its words (null when the role may not read them) and history. */
export interface Grievance extends GrievanceRow {
  text: string | null;
  history: {
    kind: 'filed' | 'status' | 'response';
    from: GrievanceStatus | null;
    to: GrievanceStatus;
    text: string | null;
    actor: string;
    role: string;
    at: string;
  }[];
}

/** An appeal against an allocation. */
export interface Appeal {
  id: string;
  case: string;
  status: 'filed' | 'upheld' | 'rejected';
  grounds: string | null;
  requestedDestination: string | null;
  planId: number;
  destination: string | null;
  explanation: {
    here: { points: number } | null;
    others: { destination: string; eligible: boolean }[];
  };
  filedBy: string;
  filedAt: string;
  decision: {
    outcome: 'upheld' | 'rejected';
    reason: string | null;
    by: string;
    at: string;
    newDestination: string | null;
    newPlanId: number | null;
  } | null;
}

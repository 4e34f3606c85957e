/** Grievances: the complaint log per case with deadlines, answers and status history (issue 23 item 2). */
import type { AnyCommand } from '../define.js';
import { addGrievance } from './add.js';
import { listGrievances } from './list.js';
import { respondGrievance } from './respond.js';
import { GrievanceOut, GrievanceRow } from './schemas.js';
import { showGrievance } from './show.js';
import { updateGrievanceStatus } from './update-status.js';

export {
  addGrievance,
  GrievanceOut,
  GrievanceRow,
  listGrievances,
  respondGrievance,
  showGrievance,
  updateGrievanceStatus,
};

/** Every grievance command, for the command table. */
export const grievanceCommands = [
  addGrievance,
  listGrievances,
  showGrievance,
  respondGrievance,
  updateGrievanceStatus,
] as unknown as readonly AnyCommand[];

/** Candidate movements: offers the timetable chooses from (issue 21 item 2). */
import type { AnyCommand } from '../define.js';
import { addCandidate } from './add.js';
import { listCandidates } from './list.js';
import { removeCandidate } from './remove.js';

export { addCandidate, listCandidates, removeCandidate };

/** Every candidate command, for the command table. */
export const candidateCommands = [
  listCandidates,
  addCandidate,
  removeCandidate,
] as unknown as readonly AnyCommand[];

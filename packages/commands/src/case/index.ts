/** The case commands: list, show, and status transitions along the workflow (M1). */
import type { AnyCommand } from '../define.js';
import { listCases } from './list.js';
import { showCase } from './show.js';
import { transitionCase } from './transition.js';

export { listCases, showCase, transitionCase };
export { CaseOut, CaseRowOut, PersonOut, TransitionOut } from './schemas.js';

/** Every case command, for the command table. */
export const caseCommands = [
  listCases,
  showCase,
  transitionCase,
] as unknown as readonly AnyCommand[];

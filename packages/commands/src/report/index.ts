/** The situation report's commands (M10). */
import type { AnyCommand } from '../define.js';
import { reportOutcome } from './outcome.js';
import { reportSituation } from './situation.js';

export { reportOutcome, reportSituation };

/** Every report command, for the command table. */
export const reportCommands = [reportSituation, reportOutcome] as unknown as readonly AnyCommand[];

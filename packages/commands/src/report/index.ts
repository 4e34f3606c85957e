/** The situation report's commands (M10). */
import type { AnyCommand } from '../define.js';
import { reportSituation } from './situation.js';

export { reportSituation };

/** Every report command, for the command table. */
export const reportCommands = [reportSituation] as unknown as readonly AnyCommand[];

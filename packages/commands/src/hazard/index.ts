/** The hazard at the camp (M8), estimated from the incident log. */
import type { AnyCommand } from '../define.js';
import { hazardEstimate } from './estimate.js';

export { hazardEstimate };

/** Every hazard command, for the command table. */
export const hazardCommands = [hazardEstimate] as unknown as readonly AnyCommand[];

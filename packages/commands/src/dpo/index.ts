/** The data-protection officer's documents: records of processing and a DPIA draft. */
import type { AnyCommand } from '../define.js';
import { dpoDpia, dpoRopa } from './documents.js';

export { dpoDpia, dpoRopa };

/** Every DPO command, for the command table. */
export const dpoCommands = [dpoRopa, dpoDpia] as unknown as readonly AnyCommand[];

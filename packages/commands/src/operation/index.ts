/** The operation as a whole: its counts. */
import type { AnyCommand } from '../define.js';
import { operationStatus, OperationStatusOut } from './status.js';

export { operationStatus, OperationStatusOut };

/** Every operation command, for the command table. */
export const operationCommands = [operationStatus] as unknown as readonly AnyCommand[];

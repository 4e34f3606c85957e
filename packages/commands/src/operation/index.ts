/** The operation as a whole: its counts, the demo, backups. */
import type { AnyCommand } from '../define.js';
import { BackupSummary, createBackup } from './backup.js';
import { createDemo } from './demo.js';
import { operationStatus, OperationStatusOut } from './status.js';

export { BackupSummary, createBackup, createDemo, operationStatus, OperationStatusOut };

/** Every operation command, for the command table. */
export const operationCommands = [
  operationStatus,
  createDemo,
  createBackup,
] as unknown as readonly AnyCommand[];

/** Registry files' commands (M2). */
import type { AnyCommand } from '../define.js';
import { exportRegistryFile } from './export.js';
import { importRegistryFile } from './import.js';

export { exportRegistryFile, importRegistryFile };
export {
  ImportReportSchema,
  importRefusal,
  maxImportBytes,
  NewOperationInput,
  refusedImportReport,
} from './import.js';
export { exportMediaTypes, exportRedactedFor } from './export.js';

/** Every registry-file command, for the command table. */
export const registryFileCommands = [
  exportRegistryFile,
  importRegistryFile,
] as unknown as readonly AnyCommand[];

/** Registry files' commands (M2). */
import type { AnyCommand } from '../define.js';
import { exportRegistryFile } from './export.js';

export { exportRegistryFile };
export { exportMediaTypes, exportRedactedFor } from './export.js';

/** Every registry-file command, for the command table. */
export const registryFileCommands = [exportRegistryFile] as unknown as readonly AnyCommand[];

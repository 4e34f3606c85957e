/** The manifest's commands (M6). */
import type { AnyCommand } from '../define.js';
import { generateManifest } from './generate.js';

export { generateManifest };
export { manifestMediaTypes } from './generate.js';

/** Every manifest command, for the command table. */
export const manifestCommands = [generateManifest] as unknown as readonly AnyCommand[];

/** Persons' personal data: erasure on request. */
import type { AnyCommand } from '../define.js';
import { ErasedOut, erasePerson } from './erase.js';

export { ErasedOut, erasePerson };

/** Every person command, for the command table. */
export const personCommands = [erasePerson] as unknown as readonly AnyCommand[];

/** Persons: adding, correcting and removing one record by hand, and erasure. */
import type { AnyCommand } from '../define.js';
import { addPerson } from './add.js';
import { ErasedOut, erasePerson } from './erase.js';
import { PersonRemovedOut, removePerson } from './remove.js';
import { PersonEditOut } from './schemas.js';
import { updatePerson } from './update.js';

export {
  addPerson,
  ErasedOut,
  erasePerson,
  PersonEditOut,
  PersonRemovedOut,
  removePerson,
  updatePerson,
};

/** Every person command, for the command table. */
export const personCommands = [
  addPerson,
  updatePerson,
  removePerson,
  erasePerson,
] as unknown as readonly AnyCommand[];

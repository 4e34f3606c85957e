/** Flights and convoys (M5). */
import type { AnyCommand } from '../define.js';
import { addMovement } from './add.js';
import { listMovements } from './list.js';
import { updateMovement } from './update.js';

export { addMovement, listMovements, updateMovement };

/** Every movement command, for the command table. */
export const movementCommands = [
  listMovements,
  addMovement,
  updateMovement,
] as unknown as readonly AnyCommand[];

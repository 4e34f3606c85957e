/** The incident log (M8). */
import type { AnyCommand } from '../define.js';
import { addIncident } from './add.js';
import { importIncidents } from './import.js';
import { listIncidents } from './list.js';

export { addIncident, importIncidents, listIncidents };

/** Every incident command, for the command table. */
export const incidentCommands = [
  listIncidents,
  addIncident,
  importIncidents,
] as unknown as readonly AnyCommand[];

/** The incident log (M8). */
import type { AnyCommand } from '../define.js';
import { addIncident } from './add.js';
import { exportIncidents } from './export.js';
import { importIncidents } from './import.js';
import { listIncidents } from './list.js';

export { addIncident, exportIncidents, importIncidents, listIncidents };

/** Every incident command, for the command table. */
export const incidentCommands = [
  listIncidents,
  addIncident,
  importIncidents,
  exportIncidents,
] as unknown as readonly AnyCommand[];

/** Movements (flights and convoys) and ground-transfer capacity (M5): reads. */
import { listMovements } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/movements`: like `corridor movement list --json`. */
export const movementsRoute = bindCommand('GET /api/movements', listMovements, {
  tag: 'movements',
});

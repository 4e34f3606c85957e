/** Numbers derived from `GET /api/status`, computed as the situation report computes them. */
import { personsMoved as moved, personsRemaining } from './burndown.js';
import type { OperationStatus } from './types.js';

/** People who have left the camp (departed or arrived). */
export function personsMoved(status: OperationStatus): number {
  return moved(status.personsByStatus);
}

/** People still in the camp waiting to leave: all but those moved, withdrawn or deceased. */
export function personsAtRisk(status: OperationStatus): number {
  return personsRemaining(status.persons, status.personsByStatus);
}

/** Numbers derived from `GET /api/status` that the dashboard and report show. */
import type { OperationStatus } from './types.js';

const sum = (counts: Record<string, number>, keys: readonly string[]) =>
  keys.reduce((s, k) => s + (counts[k] ?? 0), 0);

/** People who have left the camp (departed or arrived). */
export function personsMoved(status: OperationStatus): number {
  return sum(status.personsByStatus, ['departed', 'arrived']);
}

/** People still in the camp waiting to leave: all but those moved, withdrawn or deceased. */
export function personsAtRisk(status: OperationStatus): number {
  return (
    status.persons - sum(status.personsByStatus, ['departed', 'arrived', 'withdrawn', 'deceased'])
  );
}

/** Planners' locks: a case fixed to a destination (and optionally a movement) in later plans. */
import { listLocks, lockCase, unlockCase } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'planning';

/** `POST /api/cases/:id/lock`: like `corridor allocate lock CASE DESTINATION`. */
export const lockCaseRoute = bindCommand('POST /api/cases/:id/lock', lockCase, {
  tag,
  params: { id: 'householdId' },
  status: 200,
});

/** `GET /api/locks`: like `corridor allocate locks --json`. */
export const locksRoute = bindCommand('GET /api/locks', listLocks, { tag });

/** `POST /api/cases/:id/unlock`: like `corridor allocate unlock CASE`. */
export const unlockCaseRoute = bindCommand('POST /api/cases/:id/unlock', unlockCase, {
  tag,
  params: { id: 'householdId' },
  status: 200,
});

/** Reading an allocation (M4): each route binds a command of `@corridor/commands`. */
import { allocationExplain, allocationFairnessAudit } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'planning';

/** `GET /api/allocation/explain/:householdId`: like `corridor allocate explain CASE --json`. */
export const explainRoute = bindCommand(
  'GET /api/allocation/explain/:householdId',
  allocationExplain,
  { tag, params: { householdId: 'householdId' } },
);

/** `GET /api/allocation/fairness`: like `corridor allocate fairness --json`. */
export const fairnessRoute = bindCommand('GET /api/allocation/fairness', allocationFairnessAudit, {
  tag,
});

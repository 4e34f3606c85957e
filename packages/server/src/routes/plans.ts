/** Stored plans (versioned) and their assignments: each route binds a command of `@corridor/commands`. */
import { listPlans, showPlan } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'plans';

/** `GET /api/plans`: plan versions without assignments, newest first. */
export const listPlansRoute = bindCommand('GET /api/plans', listPlans, { tag });

/** `GET /api/plans/current`: the current plan of a kind (default allocation), with its assignments. */
export const currentPlanRoute = bindCommand('GET /api/plans/current', showPlan, { tag });

/** `GET /api/plans/:id`: one plan version with its assignments. */
export const planRoute = bindCommand('GET /api/plans/:id', showPlan, {
  tag,
  params: { id: 'id' },
});

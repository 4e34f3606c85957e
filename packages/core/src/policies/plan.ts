/** Allocation, timetable and re-planning (M4, M5, M7), their locks and jobs. */
import { definePolicy, everyone, planners, rolesRule } from './rule.js';

/** Everyone reads plans (case ids and counts, no personal data); planners make and lock them. */
export const planPolicy = definePolicy('plan', {
  read: rolesRule(everyone),
  run: rolesRule(planners),
  lock: rolesRule(planners),
  reassign: rolesRule(planners),
  cancelJob: rolesRule(planners),
});

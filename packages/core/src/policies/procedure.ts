/** Host-state procedures (issue 21): per-state templates and each case's steps with a state. */
import { definePolicy, everyone, planners, rolesRule } from './rule.js';

/**
 * Everyone reads where procedures stand (notes are redacted by role as case notes); planners, who
 * act on them, set a state's template and record steps — a refusal moves the case back along the
 * workflow, which only planners may do.
 */
export const procedurePolicy = definePolicy('procedure', {
  read: rolesRule(everyone),
  configure: rolesRule(planners),
  record: rolesRule(planners),
});

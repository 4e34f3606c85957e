/** Households (cases) and their status workflow (M1). */
import { definePolicy, everyone, rolesRule, writers } from './rule.js';

/**
 * Everyone reads cases (redacted by the field policy); every role but the auditor may ask for a
 * status transition, and the workflow table then decides which transitions that role may make.
 */
export const casePolicy = definePolicy('case', {
  read: rolesRule(everyone),
  transition: rolesRule(writers),
});

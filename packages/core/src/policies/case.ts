/** Households (cases) and their status workflow (M1). */
import { errors } from '../errors.js';
import type { Role } from '../roles.js';
import { checkTransition, describeRefusal, type CaseStatus } from '../workflow.js';
import { definePolicy, everyone, rolesRule, writers } from './rule.js';

/**
 * Everyone reads cases (redacted by the field policy); every role but the auditor may ask for a
 * status transition, and the workflow table then decides which transitions that role may make.
 */
export const casePolicy = definePolicy('case', {
  read: rolesRule(everyone),
  transition: rolesRule(writers),
});

/**
 * The workflow table's decision on one transition of case `id`: throws `forbidden` when `role` may
 * not make it, `invalid-transition` when no one may (or a held case must resume elsewhere).
 */
export function decideTransition(
  id: string,
  from: CaseStatus,
  to: CaseStatus,
  role: Role,
  resumeTo?: CaseStatus,
): void {
  const refusal = checkTransition(from, to, role, resumeTo);
  if (!refusal) return;
  const message = `case ${id}: ${describeRefusal(from, to, role, refusal)}`;
  throw refusal.kind === 'role' ? errors.forbidden(message) : errors.invalidTransition(message);
}

/** Grievances and appeals (issue 23 item 2): who logs, answers, reads, and who sees confidential ones. */
import type { Role } from '../roles.js';
import { definePolicy, everyone, rolesRule, writers } from './rule.js';

/**
 * Who sees confidential grievances (their existence and their content): protection officers, and
 * the administrator, who owns the data folder and its master key and so could read it anyway;
 * refusing them over the API would protect nothing. No other role, not even the one who logged it.
 */
export const confidentialGrievanceRoles: readonly Role[] = ['admin', 'protection-officer'];

/**
 * Everyone reads the log (the complaint's words only for roles that see `grievanceText`); every
 * role that meets residents logs a complaint; registrars and protection officers answer them.
 */
export const grievancePolicy = definePolicy('grievance', {
  read: rolesRule(everyone),
  add: rolesRule(writers),
  respond: rolesRule(['admin', 'registrar', 'protection-officer']),
  readConfidential: rolesRule(confidentialGrievanceRoles),
});

/**
 * Appeals against an allocation: filed by those who take residents' complaints; decided
 * independently of the planners who made the allocation, by protection officers (and the admin).
 */
export const appealPolicy = definePolicy('appeal', {
  read: rolesRule(everyone),
  file: rolesRule(['admin', 'registrar', 'protection-officer']),
  decide: rolesRule(['admin', 'protection-officer']),
});

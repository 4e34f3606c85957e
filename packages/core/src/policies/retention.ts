/** Retention schedules, the retention job, legal holds (issue 20 item 5). */
import { definePolicy, rolesRule } from './rule.js';

/**
 * Administrators set the schedules; those answerable for protection run the job and place holds;
 * auditors read schedules, reports and holds (a hold's reason is personal and hidden from them).
 */
export const retentionPolicy = definePolicy('retention', {
  read: rolesRule(['admin', 'protection-officer', 'auditor']),
  set: rolesRule(['admin']),
  run: rolesRule(['admin', 'protection-officer']),
  hold: rolesRule(['admin', 'protection-officer']),
});

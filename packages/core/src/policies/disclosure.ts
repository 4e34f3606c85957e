/** The disclosure log: what personal data left the system, to whom (issue 20 item 4). */
import { definePolicy, rolesRule } from './rule.js';

/**
 * Those answerable for data protection read the log: administrators, protection officers and
 * auditors. The log is written by the disclosing commands themselves, never by hand.
 */
export const disclosurePolicy = definePolicy('disclosure', {
  read: rolesRule(['admin', 'protection-officer', 'auditor']),
});

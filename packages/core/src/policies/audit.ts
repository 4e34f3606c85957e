/** The hash-chained audit log (M11). */
import { definePolicy, rolesRule } from './rule.js';

/** The audit log is read by administrators and auditors. */
export const auditPolicy = definePolicy('audit', {
  read: rolesRule(['admin', 'auditor']),
});

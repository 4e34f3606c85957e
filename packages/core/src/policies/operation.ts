/** The operation as a whole: its status counts, report, backups and demo data. */
import { adminOnly, definePolicy, everyone, rolesRule } from './rule.js';

/** Who may read the operation's figures and who may copy or replace the whole database. */
export const operationPolicy = definePolicy('operation', {
  read: rolesRule(everyone),
  report: rolesRule(everyone),
  backup: rolesRule(adminOnly),
  restore: rolesRule(adminOnly),
  create: rolesRule(adminOnly),
});

/** Webhook subscriptions to partners' systems and their delivery log. */
import { adminOnly, definePolicy, rolesRule } from './rule.js';

/** Administrators decide what leaves the system to whom; auditors may read the delivery log. */
export const webhookPolicy = definePolicy('webhook', {
  manage: rolesRule(adminOnly),
  read: rolesRule(['admin', 'auditor']),
});

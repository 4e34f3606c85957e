/** User accounts and their roles (M11). */
import { adminOnly, definePolicy, rolesRule } from './rule.js';

/** Only administrators manage accounts. */
export const userPolicy = definePolicy('user', {
  manage: rolesRule(adminOnly),
});

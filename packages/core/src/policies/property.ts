/** The collective property ledger (M9): assets, offers, restrictions, sales, abandonment. */
import { definePolicy, everyone, rolesRule } from './rule.js';

/** Everyone reads the ledger (it holds no personal data); those who negotiate sales keep it. */
export const propertyPolicy = definePolicy('property', {
  read: rolesRule(everyone),
  write: rolesRule(['admin', 'registrar', 'planner', 'protection-officer']),
});

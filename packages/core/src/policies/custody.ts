/** Personal belongings and their chain of custody (M9). */
import { definePolicy, everyone, rolesRule } from './rule.js';

/** Those who handle belongings record them; reading is redacted by the field policy. */
export const custodyPolicy = definePolicy('custody', {
  read: rolesRule(everyone),
  write: rolesRule(['admin', 'registrar', 'movement-officer', 'protection-officer']),
  verify: rolesRule(['admin', 'auditor', 'protection-officer']),
});

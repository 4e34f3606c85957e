/** The data-protection officer's documents: records of processing (GDPR Art. 30) and a DPIA draft. */
import { definePolicy, rolesRule } from './rule.js';

/** Drawn from the operation's settings, without personal data: administrators, protection officers, auditors. */
export const dpoPolicy = definePolicy('dpo', {
  read: rolesRule(['admin', 'protection-officer', 'auditor']),
});

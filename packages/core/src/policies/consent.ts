/** Consent per person and purpose (issue 20 item 4). */
import type { Role } from '../roles.js';
import { everyone, definePolicy, rolesRule } from './rule.js';

/** Who takes a person's consent: those who register and protect them. */
const consentTakers: readonly Role[] = ['admin', 'registrar', 'protection-officer'];

/**
 * Registration staff and protection officers record consent; every role may read where consent
 * stands (a planner or a movement officer needs to know why a manifest is refused); the note
 * is personal data and redacted by the field policy.
 */
export const consentPolicy = definePolicy('consent', {
  record: rolesRule(consentTakers),
  read: rolesRule(everyone),
  // Setting consent aside for a purpose (vital interests) is for those answerable for protection.
  declareBasis: rolesRule(['admin', 'protection-officer']),
});

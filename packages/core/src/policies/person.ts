/** Persons: adding, correcting and removing one record by hand (issue 22), and erasure. */
import type { Role } from '../roles.js';
import { definePolicy, rolesRule } from './rule.js';

/**
 * Who keeps person records by hand: registrars and admins, and protection officers, who already
 * write persons' records (they decide duplicate merges and erase). Planners, movement officers
 * and auditors do not.
 */
const recordKeepers: readonly Role[] = ['admin', 'registrar', 'protection-officer'];

/** Registration staff keep the records; only those answerable for protection erase them. */
export const personPolicy = definePolicy('person', {
  add: rolesRule(recordKeepers),
  update: rolesRule(recordKeepers),
  remove: rolesRule(recordKeepers),
  erase: rolesRule(['admin', 'protection-officer']),
});

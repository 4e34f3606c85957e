/** Persons' personal data: erasure (crypto-shredding). */
import { definePolicy, rolesRule } from './rule.js';

/** Only those answerable for protection erase a person's data. */
export const personPolicy = definePolicy('person', {
  erase: rolesRule(['admin', 'protection-officer']),
});

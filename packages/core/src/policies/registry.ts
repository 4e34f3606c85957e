/** Registration files in and out, duplicate review, destinations and pledges (M1–M3). */
import { definePolicy, everyone, rolesRule } from './rule.js';

/** Imports write the registry; exports are redacted by role; duplicate review is for registrars. */
export const registryPolicy = definePolicy('registry', {
  import: rolesRule(['admin', 'registrar']),
  export: rolesRule(everyone),
  readDestinations: rolesRule(everyone),
  readDuplicates: rolesRule(['admin', 'registrar', 'protection-officer', 'auditor']),
  scanDuplicates: rolesRule(['admin', 'registrar']),
  decideDuplicate: rolesRule(['admin', 'registrar', 'protection-officer']),
});

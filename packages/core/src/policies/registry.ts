/** Registration files in and out, duplicate review, destinations and pledges (M1–M3). */
import { definePolicy, everyone, planners, rolesRule } from './rule.js';

/**
 * Imports write the registry; exports are redacted by role; duplicate review is for registrars;
 * planners negotiate destinations and pledges.
 */
export const registryPolicy = definePolicy('registry', {
  import: rolesRule(['admin', 'registrar']),
  /** Form mappings (KoBo / ODK, Primero) are the importers' tools: they name columns, not people. */
  saveMapping: rolesRule(['admin', 'registrar']),
  readMappings: rolesRule(['admin', 'registrar']),
  export: rolesRule(everyone),
  readDestinations: rolesRule(everyone),
  /** Destinations' rules and pledges as they are negotiated with host states. */
  negotiate: rolesRule(planners),
  readDuplicates: rolesRule(['admin', 'registrar', 'protection-officer', 'auditor']),
  scanDuplicates: rolesRule(['admin', 'registrar']),
  decideDuplicate: rolesRule(['admin', 'registrar', 'protection-officer']),
});

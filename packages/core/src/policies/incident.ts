/** The incident log and the hazard estimated from it (M8). */
import { definePolicy, everyone, rolesRule, writers } from './rule.js';

/** Everyone reads incidents (narratives redacted by the field policy); all but auditors add. */
export const incidentPolicy = definePolicy('incident', {
  read: rolesRule(everyone),
  write: rolesRule(writers),
});

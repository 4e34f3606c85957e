/** The incident capability (M8): the log, and the hazard model's view of it. */
import type { HazardIncident, Incident } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** Incidents of one operation. */
export interface IncidentStore {
  /** Adds incidents in one transaction after checking every one (all or nothing). */
  add(incidents: Incident[], actor: Actor): Promise<void>;
  /** The log, oldest first, narratives decrypted. */
  list(): Promise<Incident[]>;
  /** Incidents as the hazard model reads them (local day, casualties, confidence). */
  forHazard(): Promise<HazardIncident[]>;
}

/** The field policy applied to records about people that are not the registry: incidents and belongings. */
import type { BelongingView } from './custody.js';
import { maySee } from './redact.js';
import type { Role } from './roles.js';
import type { Incident } from './schemas.js';

/** A belonging with its description and custody details hidden from roles that may not see them. */
export function redactBelonging(item: BelongingView, role: Role): BelongingView {
  if (maySee(role, 'custodyDetail')) return item;
  return {
    ...item,
    description: null,
    events: item.events.map((e) => ({ ...e, detail: null })),
  };
}

/** An incident with its narrative hidden from roles that may not read it. */
export function redactIncident(incident: Incident, role: Role): Incident {
  return maySee(role, 'incidentNarrative') ? incident : { ...incident, narrative: null };
}

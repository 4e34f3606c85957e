/** Belongings and incidents as one role may see them: protected details only where the field policy allows. */
import { maySee, type BelongingView, type Incident, type Role } from '@corridor/core';

/** A belonging with its description and custody details hidden from roles that may not see them. */
export function presentBelonging(item: BelongingView, role: Role): BelongingView {
  if (maySee(role, 'custodyDetail')) return item;
  return {
    ...item,
    description: null,
    events: item.events.map((e) => ({ ...e, detail: null })),
  };
}

/** An incident with its narrative hidden from roles that may not read it. */
export function presentIncident(incident: Incident, role: Role): Incident {
  return maySee(role, 'incidentNarrative') ? incident : { ...incident, narrative: null };
}

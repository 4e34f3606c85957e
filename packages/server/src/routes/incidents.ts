/** The incident log (M8): read it (narratives by role) and record an incident. */
import { errors, IncidentSchema, incidentTypes, redactIncident } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const IncidentOut = z.object({
  id: z.string(),
  type: z.enum(incidentTypes),
  at: z.string(),
  timezone: z.string(),
  site: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  injured: z.number().int(),
  killed: z.number().int(),
  source: z.string(),
  confidence: z.enum(['verified', 'credible', 'unverified']),
  narrative: z.string().nullable().describe('null when your role may not read narratives'),
  cases: z.array(z.string()),
});

/** `GET /api/incidents`: the log, oldest first, like `corridor incident list --json`. */
export const listIncidentsRoute = defineRoute('GET /api/incidents', {
  tag: 'incidents',
  summary: 'The incident log, oldest first (narratives only for roles that may read them)',
  response: z.array(IncidentOut),
  handler: async ({ store, user }) =>
    (await store.incidents.list()).map((i) => redactIncident(i, user.role)),
});

/** `POST /api/incidents`: records one incident; its narrative is stored encrypted. */
export const addIncidentRoute = defineRoute('POST /api/incidents', {
  tag: 'incidents',
  summary: 'Record one incident (type, time with offset, site, casualties, source, confidence)',
  body: IncidentSchema,
  response: IncidentOut,
  status: 201,
  handler: async ({ body, store, actor, user }) => {
    if (!(await store.registry.operation())) throw errors.noOperation();
    await store.incidents.add([body], actor);
    return redactIncident(body, user.role);
  },
});

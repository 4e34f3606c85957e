/** Shapes the incident commands share with the API and the CLI's `--json`. */
import { incidentTypes, personal } from '@corridor/core';
import { z } from 'zod';

/** An incident as answered: its narrative only for roles that may read narratives. */
export const IncidentOut = z.object({
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
  narrative: personal(
    'incidentNarrative',
    z.string().describe('null when your role may not read narratives'),
  ),
  cases: z.array(z.string()),
});

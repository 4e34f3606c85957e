/** `incident.list`: the incident log, oldest first. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { IncidentOut } from './schemas.js';

/** The log, oldest first; narratives are redacted for roles that may not read them. */
export const listIncidents = defineCommand({
  name: 'incident.list',
  summary: 'The incident log, oldest first (narratives only for roles that may read them)',
  input: z.object({}),
  output: z.array(IncidentOut),
  permission: 'incident.read',
  audit: null,
  run: ({ store }) => store.incidents.list(),
});

/** The incident log (M8): read it (narratives by role), record an incident, import a CSV. */
import { addIncident, exportIncidents, importIncidents, listIncidents } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'incidents';

/** `GET /api/incidents`: the log, oldest first, like `corridor incident list --json`. */
export const listIncidentsRoute = bindCommand('GET /api/incidents', listIncidents, { tag });

/** `POST /api/incidents`: records one incident; its narrative is stored encrypted. */
export const addIncidentRoute = bindCommand('POST /api/incidents', addIncident, { tag });

/** `POST /api/incidents/import`: like `corridor incident import FILE`, the file's text as `csv`. */
export const importIncidentsRoute = bindCommand('POST /api/incidents/import', importIncidents, {
  tag,
});

/** `GET /api/incidents/export`: like `corridor incident export`, the CSV file itself. */
export const exportIncidentsRoute = bindCommand('GET /api/incidents/export', exportIncidents, {
  tag,
  description:
    'Every download is written to the audit log; narratives=true needs a role that may read them.',
  file: { types: ['text/csv; charset=utf-8'] },
});

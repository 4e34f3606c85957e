/** The situation report as a PDF (M10), for the web application's report button. */
import { reportSituation } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/report.pdf`: like `corridor report --out FILE.pdf`. */
export const reportRoute = bindCommand('GET /api/report.pdf', reportSituation, {
  tag: 'operation',
  description:
    'Counts, destinations, the timetable ahead, hazard, exposure and incidents; no personal data.',
  file: { types: ['application/pdf'] },
});

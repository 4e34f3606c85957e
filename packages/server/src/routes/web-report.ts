/** The situation report as a PDF (M10), for the web application's report button. */
import { reportOutcome, reportSituation } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/report.pdf`: like `corridor report --out FILE.pdf`. */
export const reportRoute = bindCommand('GET /api/report.pdf', reportSituation, {
  tag: 'operation',
  description:
    'Counts, destinations, the timetable ahead, hazard, exposure and incidents; no personal data.',
  file: { types: ['application/pdf'] },
});

/** `GET /api/report/outcome`: like `corridor report outcome --json`. */
export const outcomeRoute = bindCommand('GET /api/report/outcome', reportOutcome, {
  tag: 'operation',
  description:
    'What happened against the plan up to `asOf` (default today): the first timetable (or ' +
    '`baseline`, a plan id) against the movements as they went; exposure realised and planned ' +
    '(expected person-incidents), people still at risk by day, cases that slipped by cause. ' +
    'Counts only.',
});

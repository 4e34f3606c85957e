/** Grievances and appeals over HTTP (issue 23 item 2): the log per case, answers, appeals. */
import {
  addGrievance,
  decideAppeal,
  fileAppeal,
  listAppeals,
  listGrievances,
  respondGrievance,
  showGrievance,
  updateGrievanceStatus,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'grievances';
const hidden =
  'Confidential grievances are left out (and answer 404) for every role but protection officers and the admin.';

/** `GET /api/grievances`: the log, earliest deadline first (`?caseId=&status=&overdue=true`). */
export const listGrievancesRoute = bindCommand('GET /api/grievances', listGrievances, {
  tag,
  description: `Without the complaints' words. ${hidden}`,
});

/** `GET /api/cases/:id/grievances`: one case's grievances. */
export const caseGrievancesRoute = bindCommand('GET /api/cases/:id/grievances', listGrievances, {
  tag,
  params: { id: 'caseId' },
  description: hidden,
});

/** `GET /api/grievances/:id`: one grievance with its words and history. */
export const showGrievanceRoute = bindCommand('GET /api/grievances/:id', showGrievance, {
  tag,
  params: { id: 'id' },
  description: `The words only for roles that may read them (null otherwise). ${hidden}`,
});

/** `POST /api/grievances`: logs a complaint (`caseId` in the body). */
export const addGrievanceRoute = bindCommand('POST /api/grievances', addGrievance, {
  tag,
  description:
    'The deadline follows the urgency (critical 2 days, high 7, normal 14, low 30 from receivedAt). ' +
    'The words are sealed under the case members’ keys; the answer is the row without them.',
});

/** `POST /api/cases/:id/grievances`: logs a complaint about the case. */
export const addCaseGrievanceRoute = bindCommand('POST /api/cases/:id/grievances', addGrievance, {
  tag,
  params: { id: 'caseId' },
});

/** `POST /api/grievances/:id/respond`: records the answer, and closes the grievance with `close`. */
export const respondGrievanceRoute = bindCommand(
  'POST /api/grievances/:id/respond',
  respondGrievance,
  { tag, params: { id: 'id' }, status: 200 },
);

/** `POST /api/grievances/:id/status`: acknowledges, escalates, closes or reopens a grievance. */
export const grievanceStatusRoute = bindCommand(
  'POST /api/grievances/:id/status',
  updateGrievanceStatus,
  { tag, params: { id: 'id' }, status: 200 },
);

/** `GET /api/appeals`: appeals against allocations, newest first. */
export const listAppealsRoute = bindCommand('GET /api/appeals', listAppeals, { tag });

/** `GET /api/cases/:id/appeals`: one case's appeals. */
export const caseAppealsRoute = bindCommand('GET /api/cases/:id/appeals', listAppeals, {
  tag,
  params: { id: 'caseId' },
});

/** `POST /api/appeals`: files an appeal against a case's allocation (`caseId` in the body). */
export const fileAppealRoute = bindCommand('POST /api/appeals', fileAppeal, {
  tag,
  description:
    'Re-runs the allocation explanation for the case and keeps it with the appeal; the grounds are sealed.',
});

/** `POST /api/cases/:id/appeals`: files an appeal against the case's allocation. */
export const fileCaseAppealRoute = bindCommand('POST /api/cases/:id/appeals', fileAppeal, {
  tag,
  params: { id: 'caseId' },
});

/** `POST /api/appeals/:id/decision`: upholds (re-plans the case) or rejects an appeal. */
export const decideAppealRoute = bindCommand('POST /api/appeals/:id/decision', decideAppeal, {
  tag,
  params: { id: 'id' },
  status: 200,
  description:
    'Upheld: a new allocation version with the case at `destinationId` (default: the one requested), ' +
    'locked there; the case history and the audit log record it. Rejected: the decision only.',
});

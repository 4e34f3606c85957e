/** The timetable and the hazard it is planned against (M5, M8): each route binds a command. */
import {
  hazardEstimate,
  timetableCheckReassign,
  timetableReassignCase,
  timetableShow,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/timetable`: like `corridor timetable --json`. */
export const timetableRoute = bindCommand('GET /api/timetable', timetableShow, {
  tag: 'planning',
});

/** `GET /api/timetable/check`: like `corridor move-case CASE MOVEMENT --check --json`. */
export const timetableCheckRoute = bindCommand('GET /api/timetable/check', timetableCheckReassign, {
  tag: 'planning',
});

/** `POST /api/timetable/move`: like `corridor move-case CASE MOVEMENT --reason TEXT --json`. */
export const timetableMoveRoute = bindCommand('POST /api/timetable/move', timetableReassignCase, {
  tag: 'planning',
  status: 200,
  description:
    'Refused with 422 `move-refused` (the failed checks in `details.failed`) when the case does ' +
    'not fit, and with 409 `plan-changed` when another plan was saved meanwhile. The lock keeps ' +
    'the case on the movement in later timetable runs.',
});

/** `GET /api/hazard`: like `corridor hazard --json`. */
export const hazardRoute = bindCommand('GET /api/hazard', hazardEstimate, {
  tag: 'incidents',
  description:
    'Poisson–Gamma with forgetting over the incident log (severity-weighted); before any data ' +
    'it is the prior rate. Days default to the operation’s window.',
});

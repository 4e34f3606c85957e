/** Planning runs as jobs (M4, M5, M7): each answers 202 with a job to poll at `GET /api/jobs/:id`. */
import { allocationRun, timetableReplan, timetableSchedule } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'planning';

/** `POST /api/plans/allocate`: queues an allocation run. */
export const allocateRoute = bindCommand('POST /api/plans/allocate', allocationRun, { tag });

/** `POST /api/plans/schedule`: queues a timetable run (joint: destination and movement together). */
export const scheduleRoute = bindCommand('POST /api/plans/schedule', timetableSchedule, { tag });

/** `POST /api/replan`: queues a re-plan after disruption events. */
export const replanRoute = bindCommand('POST /api/replan', timetableReplan, { tag });

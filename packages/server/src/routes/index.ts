/** Every API route, in the order /docs lists them; add a new module's routes here. */
import type { ApiRoute } from '../route.js';
import { auditEventsRoute, verifyAuditRoute } from './audit.js';
import { caseRoute, moveCaseRoute } from './cases.js';
import { decideDuplicateRoute, listDuplicatesRoute, scanDuplicatesRoute } from './dedup.js';
import { destinationsRoute, pledgesRoute } from './destinations.js';
import { cancelJobRoute, jobRoute, listJobsRoute } from './jobs.js';
import { movementsRoute } from './movements.js';
import { erasePersonRoute } from './persons.js';
import { allocateRoute, replanRoute, scheduleRoute } from './planning.js';
import { currentPlanRoute, listPlansRoute, planRoute } from './plans.js';
import { loginRoute, logoutRoute, meRoute } from './session.js';
import { healthRoute, publicStatsRoute, statusRoute } from './status.js';
import { addUserRoute, disableUserRoute, listUsersRoute } from './users.js';

/** The API's routes. */
export const apiRoutes: readonly ApiRoute[] = [
  loginRoute,
  logoutRoute,
  meRoute,
  statusRoute,
  publicStatsRoute,
  healthRoute,
  caseRoute,
  moveCaseRoute,
  erasePersonRoute,
  listDuplicatesRoute,
  scanDuplicatesRoute,
  decideDuplicateRoute,
  destinationsRoute,
  pledgesRoute,
  listPlansRoute,
  currentPlanRoute,
  planRoute,
  allocateRoute,
  scheduleRoute,
  replanRoute,
  listJobsRoute,
  jobRoute,
  cancelJobRoute,
  movementsRoute,
  verifyAuditRoute,
  auditEventsRoute,
  listUsersRoute,
  addUserRoute,
  disableUserRoute,
];

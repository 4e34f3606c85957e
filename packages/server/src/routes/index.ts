/** Every API route, in the order /docs lists them; add a new module's routes here. */
import type { ApiRoute } from '../route.js';
import { auditEventsRoute, verifyAuditRoute } from './audit.js';
import { caseRoute, moveCaseRoute } from './cases.js';
import { decideDuplicateRoute, listDuplicatesRoute, scanDuplicatesRoute } from './dedup.js';
import { destinationsRoute, pledgesRoute } from './destinations.js';
import {
  addBelongingsRoute,
  addCustodyEventRoute,
  personBelongingsRoute,
  verifyCustodyRoute,
} from './custody.js';
import { addIncidentRoute, listIncidentsRoute } from './incidents.js';
import { movementsRoute } from './movements.js';
import {
  abandonAssetRoute,
  addAssetsRoute,
  addOfferRoute,
  addRestrictionRoute,
  addSaleRoute,
  propertyLedgerRoute,
  propertyReportRoute,
} from './property.js';
import { erasePersonRoute } from './persons.js';
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
  movementsRoute,
  verifyAuditRoute,
  auditEventsRoute,
  listUsersRoute,
  addUserRoute,
  disableUserRoute,
  listIncidentsRoute,
  addIncidentRoute,
  propertyLedgerRoute,
  propertyReportRoute,
  addAssetsRoute,
  addOfferRoute,
  addRestrictionRoute,
  addSaleRoute,
  abandonAssetRoute,
  personBelongingsRoute,
  addBelongingsRoute,
  addCustodyEventRoute,
  verifyCustodyRoute,
];

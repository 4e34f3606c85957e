/** Every API route, in the order /docs lists them; add a new module's routes here. */
import type { ApiRoute } from '../route.js';
import { auditEventsRoute, auditHeadRoute, verifyAuditRoute } from './audit.js';
import { explainRoute, fairnessRoute } from './allocation-views.js';
import { listCasesRoute } from './case-list.js';
import { caseRoute, transitionCaseRoute } from './cases.js';
import {
  checkinRoute,
  movementCheckinListRoute,
  movementCheckinRoute,
  movementCheckinSummaryRoute,
} from './checkin.js';
import {
  checkinConflictsRoute,
  checkinLogRoute,
  checkinMergeRoute,
  checkinResolveRoute,
} from './checkin-stations.js';
import { lockCaseRoute, locksRoute, unlockCaseRoute } from './locks.js';
import { manifestRoute } from './manifests.js';
import { addMovementRoute, changeMovementRoute } from './movement-writes.js';
import { exportRoute, importRoute } from './registry-files.js';
import {
  hazardRoute,
  timetableCheckRoute,
  timetableMoveRoute,
  timetableRoute,
} from './timetable.js';
import { decideDuplicateRoute, listDuplicatesRoute, scanDuplicatesRoute } from './dedup.js';
import {
  addDestinationRoute,
  destinationsRoute,
  pledgeHistoryRoute,
  pledgesRoute,
  pledgeValueRoute,
  removePledgeRoute,
  setPledgeRoute,
  updateDestinationRoute,
} from './destinations.js';
import { cancelJobRoute, jobRoute, listJobsRoute } from './jobs.js';
import {
  addBelongingsRoute,
  addCustodyEventRoute,
  custodyRecordRoute,
  listBelongingsRoute,
  personBelongingsRoute,
  verifyCustodyRoute,
} from './custody.js';
import {
  addIncidentRoute,
  exportIncidentsRoute,
  importIncidentsRoute,
  listIncidentsRoute,
} from './incidents.js';
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
import {
  addPersonRoute,
  erasePersonRoute,
  removePersonRoute,
  updatePersonRoute,
} from './persons.js';
import { allocateRoute, replanRoute, scheduleRoute } from './planning.js';
import { currentPlanRoute, listPlansRoute, planRoute } from './plans.js';
import { changePasswordRoute, loginRoute, logoutRoute, meRoute } from './session.js';
import { backupRoute, demoRoute, healthRoute, publicStatsRoute, statusRoute } from './status.js';
import { addUserRoute, disableUserRoute, listUsersRoute, setUserPasswordRoute } from './users.js';
import { reportRoute } from './web-report.js';
import {
  addCaseGrievanceRoute,
  addGrievanceRoute,
  caseAppealsRoute,
  caseGrievancesRoute,
  decideAppealRoute,
  fileAppealRoute,
  fileCaseAppealRoute,
  grievanceStatusRoute,
  listAppealsRoute,
  listGrievancesRoute,
  respondGrievanceRoute,
  showGrievanceRoute,
} from './grievances.js';
import {
  caseProceduresRoute,
  importProceduresRoute,
  listProceduresRoute,
  procedureTemplateRoute,
  recordProcedureStepRoute,
  setProcedureTemplateRoute,
} from './procedures.js';

/** The API's routes. */
import {
  addWebhookRoute,
  listWebhooksRoute,
  pingWebhookRoute,
  removeWebhookRoute,
  replayDeliveryRoute,
  webhookDeliveriesRoute,
} from './webhooks.js';

export const apiRoutes: readonly ApiRoute[] = [
  loginRoute,
  logoutRoute,
  meRoute,
  changePasswordRoute,
  statusRoute,
  demoRoute,
  backupRoute,
  reportRoute,
  publicStatsRoute,
  healthRoute,
  listCasesRoute,
  caseRoute,
  transitionCaseRoute,
  lockCaseRoute,
  unlockCaseRoute,
  locksRoute,
  addPersonRoute,
  updatePersonRoute,
  removePersonRoute,
  erasePersonRoute,
  listGrievancesRoute,
  showGrievanceRoute,
  addGrievanceRoute,
  respondGrievanceRoute,
  grievanceStatusRoute,
  caseGrievancesRoute,
  addCaseGrievanceRoute,
  listAppealsRoute,
  fileAppealRoute,
  decideAppealRoute,
  caseAppealsRoute,
  fileCaseAppealRoute,
  listDuplicatesRoute,
  scanDuplicatesRoute,
  decideDuplicateRoute,
  destinationsRoute,
  pledgesRoute,
  addDestinationRoute,
  updateDestinationRoute,
  setPledgeRoute,
  removePledgeRoute,
  pledgeHistoryRoute,
  pledgeValueRoute,
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
  addMovementRoute,
  changeMovementRoute,
  explainRoute,
  fairnessRoute,
  timetableRoute,
  timetableCheckRoute,
  timetableMoveRoute,
  hazardRoute,
  manifestRoute,
  movementCheckinRoute,
  movementCheckinListRoute,
  movementCheckinSummaryRoute,
  checkinRoute,
  checkinLogRoute,
  checkinMergeRoute,
  checkinConflictsRoute,
  checkinResolveRoute,
  importRoute,
  exportRoute,
  verifyAuditRoute,
  auditHeadRoute,
  auditEventsRoute,
  listUsersRoute,
  addUserRoute,
  disableUserRoute,
  setUserPasswordRoute,
  listIncidentsRoute,
  addIncidentRoute,
  importIncidentsRoute,
  exportIncidentsRoute,
  propertyLedgerRoute,
  propertyReportRoute,
  addAssetsRoute,
  addOfferRoute,
  addRestrictionRoute,
  addSaleRoute,
  abandonAssetRoute,
  personBelongingsRoute,
  listBelongingsRoute,
  addBelongingsRoute,
  addCustodyEventRoute,
  verifyCustodyRoute,
  custodyRecordRoute,
  listWebhooksRoute,
  addWebhookRoute,
  removeWebhookRoute,
  pingWebhookRoute,
  webhookDeliveriesRoute,
  replayDeliveryRoute,
  procedureTemplateRoute,
  setProcedureTemplateRoute,
  recordProcedureStepRoute,
  caseProceduresRoute,
  listProceduresRoute,
  importProceduresRoute,
];

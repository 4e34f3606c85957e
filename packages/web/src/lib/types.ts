/**
 * Shapes of the API's answers as the pages use them: each is the output type of the command the
 * route binds (`CommandOutput<typeof command>`), imported as a type, so the web keeps no copy.
 */
import type {
  checkinStandby,
  checkinDocument,
  reportOutcome,
  CommandOutput,
  hazardEstimate,
  listProcedures,
  listMessages,
  listMessageTemplates,
  sendMessages,
  listDestinations,
  listDuplicates,
  listMovements,
  listPlans,
  operationStatus,
  showJob,
  showPlan,
  showProcedures,
  timetableCheckReassign,
  timetableReassignCase,
  timetableShow,
} from '@corridor/commands';
import type { CaseStatus } from '@corridor/core';

/** `GET /api/status` (= `corridor status --json`). */
export type OperationStatus = CommandOutput<typeof operationStatus>;

/** `GET /api/movements`. */
export type MovementList = CommandOutput<typeof listMovements>;

/** `POST /api/checkin/document` (= `corridor checkin document MOVEMENT PERSON --mrz L1 L2 --json`). */
export type DocumentCheckResult = CommandOutput<typeof checkinDocument>;

/** `GET /api/report/outcome` (= `corridor report outcome --json`). */
export type OutcomeReport = CommandOutput<typeof reportOutcome>;

/** `GET /api/movements/:id/standby` (= `corridor checkin standby MOVEMENT --json`). */
export type Standby = CommandOutput<typeof checkinStandby>;

/** A movement as `GET /api/movements` lists it. */
export type MovementRow = MovementList['movements'][number];

/** One movement of `GET /api/timetable` (= `corridor timetable --json`). */
export type TimetableMovement = CommandOutput<typeof timetableShow>[number];

/** `GET /api/destinations`. */
export type DestinationRow = CommandOutput<typeof listDestinations>[number];

/** A plan version without assignments (`GET /api/plans`). */
export type PlanHeader = CommandOutput<typeof listPlans>[number];

/** A plan version with assignments (`GET /api/plans/:id`). */
export type Plan = CommandOutput<typeof showPlan>;

/** One day of `GET /api/hazard` (= `corridor hazard --json`). */
export type HazardDay = CommandOutput<typeof hazardEstimate>[number];

/** A duplicate pair of `GET /api/dedup`. */
export type DuplicatePair = CommandOutput<typeof listDuplicates>[number];

/** A job of the jobs engine (`GET /api/jobs/:id`). */
export type Job = CommandOutput<typeof showJob>;

/** Statuses in which a case has left the camp. */
export const departedStatuses: readonly CaseStatus[] = ['departed', 'arrived'];
/** Statuses in which a case no longer waits to leave (left, withdrawn or deceased). */
export const notAtRiskStatuses: readonly CaseStatus[] = [
  'departed',
  'arrived',
  'withdrawn',
  'deceased',
];

/** `GET /api/timetable/check` (= `corridor move-case CASE MOVEMENT --check --json`). */
export type MoveCheck = CommandOutput<typeof timetableCheckReassign>;

/** `POST /api/timetable/move`. */
export type MoveResult = CommandOutput<typeof timetableReassignCase>;

/** `GET /api/cases/:id/procedures` (= `corridor procedure show CASE --json`). */
export type CaseProcedures = CommandOutput<typeof showProcedures>;

/** A case's standing with one host state. */
export type ProcedureStanding = CaseProcedures['states'][number];

/** `GET /api/procedures?expiringWithin=N` (= `corridor procedure list --expiring N --json`). */
export type ProcedureList = CommandOutput<typeof listProcedures>;

/** `GET /api/messages/templates`: the templates, and per purpose its variables and facts. */
export type MessageTemplates = CommandOutput<typeof listMessageTemplates>;

/** `POST /api/messages/preview` and `POST /api/messages/send`: per household what was (or would be) done. */
export type MessageSend = CommandOutput<typeof sendMessages>;

/** `GET /api/messages`: the message log. */
export type MessageLog = CommandOutput<typeof listMessages>;

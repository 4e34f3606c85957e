export { registeredRoutes } from './access-guard.js';
export { buildApp } from './app.js';
export {
  checkNewCredentials,
  checkNewPassword,
  NewPasswordSchema,
  UsernameSchema,
} from './auth/credentials.js';
export { hashPassword, minPasswordLength } from './auth/passwords.js';
export { openApiDocument } from './openapi/document.js';
export { defaultServerOptions, type ServerOptions } from './options.js';
export { defineRoute, type ApiRoute, type RouteContext, type RouteSpec } from './route.js';
export { bindCommand, type BoundRoute, type HttpBinding } from './bind-command.js';
export { apiRoutes } from './routes/index.js';
export { startServer, type RunningServer } from './serve.js';
export type { JobRunner } from './jobs/job-runner.js';
export { jobKinds, type JobKind, type JobParams } from './jobs/job-kinds.js';
export { loadAllocationInput } from './planning/allocation-input.js';
export { loadTimetableInput, type TimetableOptions } from './planning/timetable-input.js';
export { silentControl, type PlanningControl } from './planning/control.js';
export { parseReplanEvents } from './planning/replan-events.js';
export {
  defaultAllocationParams,
  runAllocation,
  type AllocationParams,
  type AllocationSummary,
} from './planning/run-allocation.js';
export {
  defaultScheduleParams,
  runSchedule,
  type ScheduleParams,
  type ScheduleSummary,
} from './planning/run-schedule.js';
export { runReplan, type ReplanParams, type ReplanSummary } from './planning/run-replan.js';
export { allocationFairness, explainCase } from './planning/allocation-views.js';
export {
  checkCaseMove,
  moveCase,
  type MoveCheck,
  type MoveRequest,
  type MoveResult,
} from './planning/move-case.js';

/** The planning runs behind the long commands, for benchmarks and scripts that drive them directly. */
export { loadAllocationInput } from './allocation-input.js';
export { loadTimetableInput, type TimetableOptions } from './timetable-input.js';
export { silentControl, type PlanningControl } from './control.js';
export { parseReplanEvents, ReplanEventsSchema } from './replan-events.js';
export {
  defaultAllocationParams,
  runAllocation,
  type AllocationParams,
  type AllocationSummary,
} from './run-allocation.js';
export {
  defaultScheduleParams,
  runSchedule,
  type ScheduleParams,
  type ScheduleSummary,
} from './run-schedule.js';
export { runReplan, type ReplanParams, type ReplanSummary } from './run-replan.js';
export { allocationFairness, explainCase } from './allocation-views.js';
export * from './summaries.js';
export {
  checkReassign,
  reassignCase,
  type MoveCheck,
  type ReassignRequest,
  type ReassignResult,
} from './reassign.js';

/** The timetable (M5): reading it, and a planner's reassignment of a case by hand. */
import type { AnyCommand } from '../define.js';
import { timetableCheckReassign } from './check-reassign.js';
import { timetableReassignCase } from './reassign-case.js';
import { timetableReplan } from './replan.js';
import { timetableSchedule } from './schedule.js';
import { timetableShow } from './show.js';

export {
  timetableCheckReassign,
  timetableReassignCase,
  timetableReplan,
  timetableSchedule,
  timetableShow,
};
export * from './schemas.js';

/** Every timetable command, for the command table. */
export const timetableCommands = [
  timetableSchedule,
  timetableReplan,
  timetableShow,
  timetableCheckReassign,
  timetableReassignCase,
] as unknown as readonly AnyCommand[];

/** The day candidates are judged from: today, or the operation's first day if later. */
import type { IsoDate, Operation } from '@corridor/core';

/** The as-of day of the operation, as the timetable's first day is chosen. */
export function asOfDay(op: Pick<Operation, 'windowStart'>, now: Date): IsoDate {
  const today = now.toISOString().slice(0, 10) as IsoDate;
  return today > op.windowStart ? today : op.windowStart;
}

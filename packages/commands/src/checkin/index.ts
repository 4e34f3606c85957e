/** Check-in on the day (M6): desks, offline stations, their merge and its conflicts. */
import type { AnyCommand } from '../define.js';
import { allowSplit } from './allow-split.js';
import { listCheckinConflicts } from './conflicts.js';
import { checkinDocument } from './document.js';
import { checkinDesk } from './desk.js';
import { exportCheckinLog } from './export-log.js';
import { listCheckin } from './list.js';
import { mergeCheckinLog } from './merge.js';
import { recordCheckin } from './record.js';
import { resolveCheckin } from './resolve.js';
import { checkinSlips } from './slips.js';
import { checkinStandby } from './standby.js';
import { checkinSummary } from './summary.js';

export { buildLog, logChecksum } from './log.js';
export {
  allowSplit,
  checkinDesk,
  checkinDocument,
  checkinSlips,
  checkinStandby,
  checkinSummary,
  exportCheckinLog,
  listCheckin,
  listCheckinConflicts,
  mergeCheckinLog,
  recordCheckin,
  resolveCheckin,
};

/** Every check-in command, for the command table. */
export const checkinCommands = [
  recordCheckin,
  listCheckin,
  checkinSummary,
  checkinDesk,
  exportCheckinLog,
  mergeCheckinLog,
  listCheckinConflicts,
  resolveCheckin,
  allowSplit,
  checkinStandby,
  checkinSlips,
  checkinDocument,
] as unknown as readonly AnyCommand[];

/** Offline check-in stations through the API (M6): carry a log out, merge one in, decide conflicts. */
import {
  exportCheckinLog,
  listCheckinConflicts,
  mergeCheckinLog,
  resolveCheckin,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'check-in';

/** `GET /api/checkin/log`: like `corridor checkin export`, a log another station can merge. */
export const checkinLogRoute = bindCommand('GET /api/checkin/log', exportCheckinLog, { tag });

/** `POST /api/checkin/merge`: like `corridor checkin merge FILE`; both sides' records survive. */
export const checkinMergeRoute = bindCommand('POST /api/checkin/merge', mergeCheckinLog, {
  tag,
  description:
    'Each record’s recorded role must be one that may record check-ins. Households move on as ' +
    'check-in’s system actor (day-of-travel steps only); conflicts are answered, not refused.',
  status: 200,
});

/** `GET /api/checkin/conflicts`: persons whose status stations disagree on. */
export const checkinConflictsRoute = bindCommand(
  'GET /api/checkin/conflicts',
  listCheckinConflicts,
  {
    tag,
  },
);

/** `POST /api/checkin/resolve`: like `corridor checkin resolve`, a decision with a reason. */
export const checkinResolveRoute = bindCommand('POST /api/checkin/resolve', resolveCheckin, {
  tag,
  status: 200,
});

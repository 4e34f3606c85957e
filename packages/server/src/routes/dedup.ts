/** The duplicates review queue over HTTP: list, scan, decide (nothing merges without a decision). */
import { decideDuplicate, listDuplicates, scanDuplicates } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'dedup';

/** `GET /api/dedup`: the queue, optionally of one status; review notes are redacted by role. */
export const listDuplicatesRoute = bindCommand('GET /api/dedup', listDuplicates, { tag });

/** `POST /api/dedup/scan`: runs the duplicate rules and queues new pairs. */
export const scanDuplicatesRoute = bindCommand('POST /api/dedup/scan', scanDuplicates, {
  tag,
  status: 200,
});

/** `POST /api/dedup/:id/decision`: settles a pair as one person (merge) or two (distinct). */
export const decideDuplicateRoute = bindCommand('POST /api/dedup/:id/decision', decideDuplicate, {
  tag,
  params: { id: 'id' },
  status: 200,
});

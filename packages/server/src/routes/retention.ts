/** Retention over HTTP (issue 20 item 5): schedules, the job that applies them, its reports, legal holds. */
import {
  dpoDpia,
  dpoRopa,
  listLegalHolds,
  placeLegalHold,
  releaseLegalHold,
  retentionReports,
  runRetention,
  setRetention,
  showRetention,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'retention';

/** `GET /api/retention`: every data category's schedule. */
export const showRetentionRoute = bindCommand('GET /api/retention', showRetention, {
  tag,
  description:
    'Per data category: how many days it is kept, counted from which event, and what the job does with it.',
});

/** `PUT /api/retention`: an administrator sets one category's schedule. */
export const setRetentionRoute = bindCommand('PUT /api/retention', setRetention, {
  tag,
  status: 200,
  description:
    'Sets one category: `{ "category": "documents", "days": 90, "after": "arrival" }`. Audited ' +
    '(`retention.set`, with the period before and after).',
});

/** `POST /api/retention/run`: queues the retention job. */
export const runRetentionRoute = bindCommand('POST /api/retention/run', runRetention, {
  tag,
  description:
    'Queues the retention job (202 with the job; its `result` is the report). It also runs daily ' +
    'on the server. `dryRun: true` reports what would be shredded and writes nothing. The report ' +
    'lists counts and person ids per category, what a legal hold kept, and what stays on disk.',
});

/** `GET /api/retention/reports`: what earlier runs shredded. */
export const retentionReportsRoute = bindCommand('GET /api/retention/reports', retentionReports, {
  tag,
  description: 'Reports of earlier runs, newest first: ids and counts, no personal values.',
});

/** `GET /api/legal-holds`: holds, their reason for roles that may read protection notes. */
export const listLegalHoldsRoute = bindCommand('GET /api/legal-holds', listLegalHolds, {
  tag,
  description: 'Legal holds, newest first; `active=true` for those not released.',
});

/** `POST /api/legal-holds`: places a hold on a person or a case. */
export const placeLegalHoldRoute = bindCommand('POST /api/legal-holds', placeLegalHold, {
  tag,
  description:
    '`{ "person": "P-…" }` or `{ "case": "H-…" }` with a `reason` (sealed under the keys of the ' +
    'persons it concerns). The retention job skips them and their erasure is refused (409 ' +
    '`legal-hold`) until the hold is released.',
});

/** `POST /api/legal-holds/release`: releases the active hold on a person or a case. */
export const releaseLegalHoldRoute = bindCommand(
  'POST /api/legal-holds/release',
  releaseLegalHold,
  {
    tag,
    status: 200,
    description: '`{ "person": "P-…" }` or `{ "case": "H-…" }`.',
  },
);

/** `GET /api/dpo/ropa`: the records of processing activities (Markdown). */
export const dpoRopaRoute = bindCommand('GET /api/dpo/ropa', dpoRopa, {
  tag,
  description:
    'GDPR Art. 30 records drawn from the operation’s settings (purposes, categories, recipients, transfers, retention, security, roles); counts only.',
  file: { types: ['text/markdown; charset=utf-8'] },
});

/** `GET /api/dpo/dpia`: a DPIA draft (Markdown). */
export const dpoDpiaRoute = bindCommand('GET /api/dpo/dpia', dpoDpia, {
  tag,
  description: 'A data-protection impact assessment draft (GDPR Art. 35) for the DPO to complete.',
  file: { types: ['text/markdown; charset=utf-8'] },
});

/** Cases over HTTP: each route binds one command of `@corridor/commands`. */
import { showCase, transitionCase } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'cases';

/** `GET /api/cases/:id`: one case, personal data redacted by the caller's role. */
export const caseRoute = bindCommand('GET /api/cases/:id', showCase, {
  tag,
  params: { id: 'id' },
  description: 'Personal data is redacted by role (see core/src/redact.ts: the field policy).',
});

/** `POST /api/cases/:id/status`: a status transition; the workflow table checks the role. */
export const transitionCaseRoute = bindCommand('POST /api/cases/:id/status', transitionCase, {
  tag,
  params: { id: 'id' },
  status: 200,
  description:
    'The workflow and your role must allow the move. A move to `referred` is refused (409 ' +
    '`no-consent`, naming each person) while a member’s registration consent is refused or ' +
    'withdrawn; nothing is written.',
});

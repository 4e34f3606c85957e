/** Host-state procedures over HTTP (issue 21): templates, steps per case, the list, the import. */
import {
  importProcedures,
  listProcedures,
  recordProcedureStep,
  setProcedureTemplate,
  showProcedures,
  showProcedureTemplate,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'procedures';

/** `GET /api/procedures/templates/:state`: a state's steps, like `corridor procedure template S`. */
export const procedureTemplateRoute = bindCommand(
  'GET /api/procedures/templates/:state',
  showProcedureTemplate,
  { tag, params: { state: 'state' } },
);

/** `POST /api/procedures/templates/:state`: sets a state's steps (admin, planner). */
export const setProcedureTemplateRoute = bindCommand(
  'POST /api/procedures/templates/:state',
  setProcedureTemplate,
  {
    tag,
    params: { state: 'state' },
    status: 200,
    description: 'The body is `{ steps: [{ step, typicalDays, expires, required }] }` in order.',
  },
);

/** `POST /api/procedures/steps`: records one step, like `corridor procedure record`. */
export const recordProcedureStepRoute = bindCommand(
  'POST /api/procedures/steps',
  recordProcedureStep,
  {
    tag,
    description:
      'A step out of order (a date before its predecessor’s), an expiry before the issue date or ' +
      'an unknown step is refused (400) naming the field; nothing is written. A negative outcome ' +
      'returns the case to rejected-by-destination (`caseMoved`). The note is sealed under the ' +
      'members’ keys and shown to the roles that see case notes.',
  },
);

/** `GET /api/cases/:id/procedures`: the case's procedures per state, like `corridor procedure show`. */
export const caseProceduresRoute = bindCommand('GET /api/cases/:id/procedures', showProcedures, {
  tag,
  params: { id: 'caseId' },
});

/** `GET /api/procedures`: standings across cases (state, pending, expiringWithin days). */
export const listProceduresRoute = bindCommand('GET /api/procedures', listProcedures, { tag });

/** `POST /api/procedures/import`: like `corridor procedure import FILE`, the file base64-encoded. */
export const importProceduresRoute = bindCommand('POST /api/procedures/import', importProcedures, {
  tag,
  // The file travels base64-encoded: up to the command's 30 MB of text, with room for the JSON.
  bodyLimit: 30_000_000 + 64 * 1024,
  description:
    'All or nothing: every bad row is listed in `details.problems` with row, field and reason.',
});

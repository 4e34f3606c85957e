/** The case list of the registry page: filters, exact search, paging; no personal data in the rows. */
import { listCases } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/cases`: cases by status, destination, origin, or a member's exact name or document. */
export const listCasesRoute = bindCommand('GET /api/cases', listCases, {
  tag: 'cases',
  description:
    'Name and document searches match exactly (through a keyed blind index: the server never ' +
    'scans decrypted names); they need a role that may see the field searched.',
});

/** The hash-chained audit log, for auditors and admins. */
import { auditHead, listAuditEvents, verifyAudit } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

/** `GET /api/audit/verify`: recomputes the chain and names the first broken event. */
export const verifyAuditRoute = bindCommand('GET /api/audit/verify', verifyAudit, {
  tag: 'audit',
  description:
    'With `anchor` (`SEQ:HASH`, as `GET /api/audit/head` gave it earlier and kept outside the ' +
    'database; several separated by commas) each anchored event must still have that hash: a ' +
    'chain rewritten by someone with write access to the database is caught.',
});

/** `GET /api/audit/head`: the last event's number and hash, to keep outside the database. */
export const auditHeadRoute = bindCommand('GET /api/audit/head', auditHead, { tag: 'audit' });

/** `GET /api/audit/events`: events in order, a page at a time. */
export const auditEventsRoute = bindCommand('GET /api/audit/events', listAuditEvents, {
  tag: 'audit',
});

/** The hash-chained audit log (M11). */
import type { AnyCommand } from '../define.js';
import { auditHead } from './head.js';
import { listAuditEvents } from './list.js';
import { verifyAudit } from './verify.js';

export { auditHead, listAuditEvents, verifyAudit };

/** Every audit command, for the command table. */
export const auditCommands = [
  verifyAudit,
  auditHead,
  listAuditEvents,
] as unknown as readonly AnyCommand[];

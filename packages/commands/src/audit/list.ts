/** `audit.list`: audit events in order, a page at a time. */
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Audit events after `after`, at most `limit` (they never hold personal data). */
export const listAuditEvents = defineCommand({
  name: 'audit.list',
  summary: 'Audit events in order (they never hold personal data)',
  input: z.object({
    after: z.coerce.number().int().min(0).default(0).describe('only events after this number'),
    limit: z.coerce.number().int().min(1).max(10_000).default(100).describe('at most this many'),
  }),
  output: z.array(
    z.object({
      seq: z.number().int(),
      at: z.string(),
      actor: z.string(),
      role: z.string(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      detail: z.record(z.string(), z.unknown()),
      prevHash: z.string(),
      hash: z.string(),
    }),
  ),
  permission: 'audit.read',
  audit: null,
  run: ({ store }, { after, limit }) => store.audit.events(after, limit),
});

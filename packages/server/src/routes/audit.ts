/** The hash-chained audit log, for auditors and admins. */
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { wholeNumber } from './params.js';

/** `GET /api/audit/verify`: recomputes the chain and names the first broken event. */
export const verifyAuditRoute = defineRoute('GET /api/audit/verify', {
  tag: 'audit',
  summary: 'Recompute the audit chain; names the first event edited, inserted or removed',
  response: z.union([
    z.object({ ok: z.literal(true), events: z.number().int() }),
    z.object({
      ok: z.literal(false),
      events: z.number().int(),
      seq: z.number().int(),
      problem: z.string(),
    }),
  ]),
  handler: ({ store }) => store.audit.verify(),
});

/** `GET /api/audit/events`: events in order, a page at a time. */
export const auditEventsRoute = defineRoute('GET /api/audit/events', {
  tag: 'audit',
  summary: 'Audit events in order (they never hold personal data)',
  query: z.object({
    after: wholeNumber(0).default(0),
    limit: wholeNumber(1, 1000).default(100),
  }),
  response: z.array(
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
  handler: ({ query, store }) => store.audit.events(query.after, query.limit),
});

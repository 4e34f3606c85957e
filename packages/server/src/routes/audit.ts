/** The hash-chained audit log, for auditors and admins. */
import { parseAuditAnchor } from '@corridor/storage';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { wholeNumber } from './params.js';

/** `GET /api/audit/verify`: recomputes the chain and names the first broken event. */
export const verifyAuditRoute = defineRoute('GET /api/audit/verify', {
  tag: 'audit',
  summary: 'Recompute the audit chain; names the first event edited, inserted or removed',
  description:
    'With `anchor` (`SEQ:HASH`, as `GET /api/audit/head` gave it earlier and kept outside the ' +
    'database; several separated by commas) each anchored event must still have that hash: a ' +
    'chain rewritten by someone with write access to the database is caught.',
  query: z.object({
    anchor: z
      .string()
      .max(10_000)
      .optional()
      .describe('SEQ:HASH[,SEQ:HASH…] kept outside the database'),
  }),
  response: z.union([
    z.object({ ok: z.literal(true), events: z.number().int() }),
    z.object({
      ok: z.literal(false),
      events: z.number().int(),
      seq: z.number().int(),
      problem: z.string(),
    }),
  ]),
  handler: ({ query, store }) =>
    store.audit.verify(query.anchor ? query.anchor.split(',').map((a) => parseAuditAnchor(a)) : []),
});

/** `GET /api/audit/head`: the last event's number and hash, to keep outside the database. */
export const auditHeadRoute = defineRoute('GET /api/audit/head', {
  tag: 'audit',
  summary: 'The last audit event’s number and hash (`SEQ:HASH`), to keep outside the database',
  response: z.object({
    seq: z.number().int(),
    hash: z.string(),
    at: z.string(),
    anchor: z.string().describe('SEQ:HASH, for `GET /api/audit/verify?anchor=`'),
  }),
  handler: async ({ store }) => {
    const head = await store.audit.head();
    return { ...head, anchor: `${head.seq}:${head.hash}` };
  },
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

/** `audit.verify`: recomputes the audit chain, optionally against anchors kept elsewhere. */
import { parseAuditAnchor } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Names the first event edited, inserted or removed; anchors catch a rewritten chain. */
export const verifyAudit = defineCommand({
  name: 'audit.verify',
  summary: 'Recompute the audit chain; names the first event edited, inserted or removed',
  input: z.object({
    anchor: z
      .string()
      .max(10_000)
      .optional()
      .describe('SEQ:HASH[,SEQ:HASH…] kept outside the database'),
  }),
  output: z.union([
    z.object({ ok: z.literal(true), events: z.number().int() }),
    z.object({
      ok: z.literal(false),
      events: z.number().int(),
      seq: z.number().int(),
      problem: z.string(),
    }),
  ]),
  permission: 'audit.read',
  audit: null,
  run: ({ store }, { anchor }) =>
    store.audit.verify(anchor ? anchor.split(',').map((a) => parseAuditAnchor(a)) : []),
});

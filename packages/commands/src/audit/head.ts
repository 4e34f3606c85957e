/** `audit.head`: the last event's number and hash, to keep outside the database. */
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** The last audit event as `SEQ:HASH` (an anchor for `audit.verify` later). */
export const auditHead = defineCommand({
  name: 'audit.head',
  summary: 'The last audit event’s number and hash (`SEQ:HASH`), to keep outside the database',
  input: z.object({}),
  output: z.object({
    seq: z.number().int(),
    hash: z.string(),
    at: z.string(),
    anchor: z.string().describe('SEQ:HASH, for `GET /api/audit/verify?anchor=`'),
  }),
  permission: 'audit.read',
  audit: null,
  async run({ store }) {
    const head = await store.audit.head();
    return { ...head, anchor: `${head.seq}:${head.hash}` };
  },
});

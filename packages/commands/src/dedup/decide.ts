/** `dedup.decide`: settles a pair as one person (merge) or two (distinct); nothing merges silently. */
import { IdSchema, wholeNumberInput } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PairOut } from './schemas.js';

/**
 * Settles one pair. Its audit event is `dedup.distinct`, or `dedup.merge` for a merge (the two
 * names the audit log has always used).
 */
export const decideDuplicate = defineCommand({
  name: 'dedup.decide',
  summary: 'Settle a pair: merge (keeping a or b) or distinct; a note is required',
  input: z.object({
    id: wholeNumberInput(1).describe('the pair number'),
    decision: z.enum(['merge', 'distinct']),
    keep: IdSchema.optional().describe('with merge: the person kept (a or b; default a)'),
    note: z.string().trim().min(3, 'a note of at least 3 characters is required').max(1000),
  }),
  output: PairOut,
  permission: 'registry.decideDuplicate',
  audit: 'dedup.distinct',
  run: ({ store, actor }, { id, decision, keep, note }) =>
    store.registry.decideDuplicate(id, { decision, note, ...(keep ? { keep } : {}) }, actor),
});

/** The duplicates review queue: list, scan, decide (nothing merges without a decision). */
import { IdSchema, redactNote } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { wholeNumber } from './params.js';

const PairStatus = z.enum(['open', 'merged', 'distinct']);
const PairSchema = z.object({
  id: z.number().int(),
  a: z.string(),
  b: z.string(),
  rule: z.string(),
  score: z.number(),
  status: PairStatus,
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
});

/** `GET /api/dedup`: the queue, optionally of one status; review notes are redacted by role. */
export const listDuplicatesRoute = defineRoute('GET /api/dedup', {
  tag: 'dedup',
  summary: 'Pairs of persons that may be one person, with the rule that matched',
  query: z.object({ status: PairStatus.optional() }),
  response: z.array(PairSchema),
  handler: async ({ query, store, user }) =>
    (await store.registry.duplicates(query.status)).map((p) => ({
      ...p,
      note: redactNote(p.note, user.role),
    })),
});

/** `POST /api/dedup/scan`: runs the duplicate rules and queues new pairs. */
export const scanDuplicatesRoute = defineRoute('POST /api/dedup/scan', {
  tag: 'dedup',
  summary: 'Run the duplicate rules (same document; similar name, birth year, household size)',
  response: z.object({ added: z.number().int() }),
  handler: async ({ store, actor }) => ({ added: await store.registry.scanDuplicates(actor) }),
});

/** `POST /api/dedup/:id/decision`: settles a pair as one person (merge) or two (distinct). */
export const decideDuplicateRoute = defineRoute('POST /api/dedup/:id/decision', {
  tag: 'dedup',
  summary: 'Settle a pair: merge (keeping a or b) or distinct; a note is required',
  params: z.object({ id: wholeNumber(1) }),
  body: z.object({
    decision: z.enum(['merge', 'distinct']),
    keep: IdSchema.optional(),
    note: z.string().trim().min(3).max(1000),
  }),
  response: PairSchema,
  handler: ({ params, body, store, actor }) =>
    store.registry.decideDuplicate(
      params.id,
      { decision: body.decision, note: body.note, ...(body.keep ? { keep: body.keep } : {}) },
      actor,
    ),
});

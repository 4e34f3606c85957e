/** Erasing a person's personal data on request (crypto-shredding, M11). */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

/** `POST /api/persons/:id/erase`: deletes the person's key; their data becomes unreadable. */
export const erasePersonRoute = defineRoute('POST /api/persons/:id/erase', {
  tag: 'persons',
  summary: "Erase a person's personal data for good (their key is destroyed); counts stay",
  description:
    'Names, birth date, contact, notes and documents become unrecoverable; the person still ' +
    'counts in their case, in statistics and in plans. Cannot be undone. Audited. The erasure is ' +
    'final on disk when the key generation that wrapped their key is destroyed: at `finalBy` ' +
    '(the end of the erasure batch), or before the answer with `now=true`.',
  params: z.object({ id: IdSchema }),
  query: z.object({
    now: z
      .enum(['true', 'false'])
      .optional()
      .describe('make the erasure final on disk before answering (rotate the keys now)'),
  }),
  response: z.object({
    personId: z.string(),
    householdId: z.string(),
    erasedAt: z.string(),
    documents: z.number().int(),
    final: z.boolean().describe('no copy of the disk, its log or a later backup can read them'),
    finalBy: z.string().describe('when the erasure became, or will at the latest become, final'),
    backupsHolding: z
      .array(
        z.object({
          id: z.string(),
          createdAt: z.string(),
          expiresAt: z.string(),
          generation: z.number().int(),
        }),
      )
      .describe('backups taken before the erasure that hold the person until they expire'),
  }),
  handler: ({ params, query, store, actor }) =>
    store.registry.erasePerson(params.id, actor, { now: query.now === 'true' }),
});

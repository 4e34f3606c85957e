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
    'counts in their case, in statistics and in plans. Cannot be undone. Audited.',
  params: z.object({ id: IdSchema }),
  response: z.object({
    personId: z.string(),
    householdId: z.string(),
    erasedAt: z.string(),
    documents: z.number().int(),
  }),
  handler: ({ params, store, actor }) => store.registry.erasePerson(params.id, actor),
});

/** `person.erase`: erasure on request by destroying the person's key (crypto-shredding, M11). */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** What an erasure did: the key is gone; the person still counts in cases, statistics and plans. */
export const ErasedOut = z.object({
  personId: z.string(),
  householdId: z.string(),
  erasedAt: z.string(),
  documents: z.number().int(),
});

/** Erases a person's personal data for good; cannot be undone; audited. */
export const erasePerson = defineCommand({
  name: 'person.erase',
  summary: "Erase a person's personal data for good (their key is destroyed); counts stay",
  input: z.object({ id: IdSchema }),
  output: ErasedOut,
  permission: 'person.erase',
  audit: 'person.erase',
  run: ({ store, actor }, { id }) => store.registry.erasePerson(id, actor),
});

/** `person.erase`: erasure on request by destroying the person's key (crypto-shredding, M11). */
import { booleanInput, errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** What an erasure did: the key is gone; the person still counts in cases, statistics and plans. */
export const ErasedOut = z.object({
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
});

/** Erases a person's personal data for good; cannot be undone; audited. */
export const erasePerson = defineCommand({
  name: 'person.erase',
  summary: "Erase a person's personal data for good (their key is destroyed); counts stay",
  input: z.object({
    id: IdSchema,
    now: booleanInput()
      .optional()
      .describe('make the erasure final on disk before answering (rotate the keys now)'),
  }),
  output: ErasedOut,
  permission: 'person.erase',
  audit: 'person.erase',
  // A person under a legal hold is not erased: the hold must be released first (docs/retention.md).
  async run({ store, actor }, { id }) {
    const holds = await store.retention.holdsOn(id);
    if (holds.length > 0)
      throw errors.legalHold(
        'person',
        id,
        holds.map((h) => `hold ${h.id} on ${h.subject} ${h.subjectId}`).join(', '),
      );
    return store.registry.erasePerson(id, actor);
  },
  // The new key generation is written and the old one destroyed only after the erasure commits.
  async afterCommit({ store }, { now }, erased) {
    if (now !== true || erased.final) return erased;
    await store.keys.finishErasures();
    return { ...erased, final: true, finalBy: new Date().toISOString() };
  },
});

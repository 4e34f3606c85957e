/** `person.remove`: takes out a person added by mistake (not an erasure) — issue 22. */
import { booleanInput, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PersonEditOut, ReasonInput } from './schemas.js';

/** A removal's answer: the edit's, and when the removed person's key is gone from the disk too. */
export const PersonRemovedOut = PersonEditOut.extend({
  final: z
    .boolean()
    .describe(
      'the key generation that wrapped their key is destroyed: no copy of the disk or its log opens their data',
    ),
  finalBy: z.string().describe('when the removal became, or will at the latest become, final'),
});

/**
 * Removes a person's record with their key, needs and documents; the case history and the audit
 * log keep who removed whom, when and why. Refused (409) for a head of household, a case's last
 * member, or a person that check-in, custody or a merge rely on: erasure is for those. Final on
 * disk like an erasure: with the erasure batch's key rotation (`finalBy`), or at once with `now`.
 */
export const removePerson = defineCommand({
  name: 'person.remove',
  summary: 'Remove a person added by mistake (not an erasure: use person.erase for that)',
  input: z.object({
    id: IdSchema,
    reason: ReasonInput.describe('why the record is removed (kept sealed in the case history)'),
    now: booleanInput()
      .optional()
      .describe('make the removal final on disk before answering (rotate the keys now)'),
  }),
  output: PersonRemovedOut,
  permission: 'person.remove',
  audit: 'person.remove',
  async run({ store, actor }, { id, reason }) {
    const done = await store.registry.removePerson(id, reason, actor);
    return { case: done.householdId, ...done, person: null };
  },
  // The new key generation is written and the old one destroyed only after the removal commits.
  async afterCommit({ store }, { now }, removed) {
    if (now !== true || removed.final) return removed;
    await store.keys.finishErasures();
    return { ...removed, final: true, finalBy: new Date().toISOString() };
  },
});

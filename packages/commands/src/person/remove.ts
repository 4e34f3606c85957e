/** `person.remove`: takes out a person added by mistake (not an erasure) — issue 22. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PersonEditOut, ReasonInput } from './schemas.js';

/**
 * Removes a person's record with their key, needs and documents; the case history and the audit
 * log keep who removed whom, when and why. Refused (409) for a head of household, a case's last
 * member, or a person that check-in, custody or a merge rely on: erasure is for those.
 */
export const removePerson = defineCommand({
  name: 'person.remove',
  summary: 'Remove a person added by mistake (not an erasure: use person.erase for that)',
  input: z.object({
    id: IdSchema,
    reason: ReasonInput.describe('why the record is removed (kept sealed in the case history)'),
  }),
  output: PersonEditOut,
  permission: 'person.remove',
  audit: 'person.remove',
  async run({ store, actor }, { id, reason }) {
    const done = await store.registry.removePerson(id, reason, actor);
    return { case: done.householdId, ...done, person: null };
  },
});

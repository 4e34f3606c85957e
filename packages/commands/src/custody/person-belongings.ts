/** `custody.personBelongings`: one person's belongings with their case. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { BelongingOut } from './schemas.js';

/** A person's case and belongings with every custody event (details by role). */
export const personBelongings = defineCommand({
  name: 'custody.personBelongings',
  summary: "A person's belongings and their custody events (details by role)",
  input: z.object({ personId: IdSchema }),
  output: z.object({
    personId: z.string(),
    householdId: z.string(),
    items: z.array(BelongingOut),
  }),
  permission: 'custody.read',
  audit: null,
  async run({ store }, { personId }) {
    const record = await store.custody.record(personId);
    if (!record) throw errors.notFound('person', personId);
    return record;
  },
});

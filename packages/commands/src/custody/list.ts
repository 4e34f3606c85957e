/** `custody.list`: belongings with their state, one person's or everyone's. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { BelongingOut } from './schemas.js';

/** Belongings with every event (details only for roles that may see them). */
export const listBelongings = defineCommand({
  name: 'custody.list',
  summary: 'Belongings with their state and events, one person’s or everyone’s (details by role)',
  input: z.object({ personId: IdSchema.optional() }),
  output: z.array(BelongingOut),
  permission: 'custody.read',
  audit: null,
  run: ({ store }, { personId }) => store.custody.items(personId),
});

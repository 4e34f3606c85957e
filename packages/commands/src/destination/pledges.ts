/** `pledge.list`: every pledge, by destination and period. */
import { PledgeSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Persons, cases and medical places pledged per destination and period. */
export const listPledges = defineCommand({
  name: 'pledge.list',
  summary: 'Every pledge: persons, cases and medical places per destination and period',
  input: z.object({}),
  output: z.array(PledgeSchema),
  permission: 'registry.readDestinations',
  audit: null,
  run: ({ store }) => store.registry.pledges(),
});

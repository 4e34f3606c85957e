/** `destination.update`: a destination's rules as a host state changes them (issue 22). */
import { errors, IdSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { z } from 'zod';
import { destinationRules } from './add.js';
import { NegotiationOut, NegotiationReason } from './schemas.js';

const Changes = z.object(destinationRules).partial();

/** Changes the given rules of a destination; the others stay. The history keeps before and after. */
export const updateDestination = defineCommand({
  name: 'destination.update',
  summary: "Change a destination's rules (only the fields given); recorded in the pledge history",
  input: Changes.extend({
    id: IdSchema.describe('the destination to change'),
    reason: NegotiationReason,
  }),
  output: NegotiationOut,
  permission: 'registry.negotiate',
  audit: 'destination.set',
  async run({ store, actor }, { id, reason, ...given }) {
    const current = (await store.registry.destinations()).find((d) => d.id === id);
    if (!current) throw errors.notFound('destination', id);
    // Fields left out stay as they are.
    const changes = Object.fromEntries(
      Object.entries(given).filter(([, v]) => v !== undefined),
    ) as Partial<typeof current>;
    const change = await store.pledges.setDestination({ ...current, ...changes }, reason, actor);
    return { changed: change !== null, change };
  },
});

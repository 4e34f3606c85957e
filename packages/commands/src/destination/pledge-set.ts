/** `pledge.set`: a pledge as agreed with a host state, added or changed (issue 22). */
import { errors, IdSchema, IsoDateSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { NegotiationOut, NegotiationReason } from './schemas.js';

/**
 * Adds a pledge, or changes the destination's pledge that starts on the same day. Its period may not
 * end before it starts nor overlap another pledge of the destination.
 */
export const setPledge = defineCommand({
  name: 'pledge.set',
  summary:
    'Add or change a pledge: persons, cases and medical places of a destination for a period',
  input: z.object({
    destinationId: IdSchema,
    periodStart: IsoDateSchema.describe('first day; a pledge of the destination is named by it'),
    periodEnd: IsoDateSchema.describe('last day'),
    persons: z.number().int().min(0).max(1_000_000),
    cases: z.number().int().min(0).max(1_000_000),
    medicalPlaces: z.number().int().min(0).max(1_000_000).default(0),
    reason: NegotiationReason,
  }),
  output: NegotiationOut,
  permission: 'registry.negotiate',
  audit: 'pledge.set',
  async run({ store, actor }, { reason, ...pledge }) {
    if (pledge.periodEnd < pledge.periodStart)
      throw errors.invalidInput(
        `periodEnd: ${pledge.periodEnd} is before periodStart ${pledge.periodStart}`,
      );
    if (!(await store.registry.destinations()).some((d) => d.id === pledge.destinationId))
      throw errors.notFound('destination', pledge.destinationId);
    const overlap = (await store.registry.pledges()).find(
      (p) =>
        p.destinationId === pledge.destinationId &&
        p.periodStart !== pledge.periodStart &&
        p.periodStart <= pledge.periodEnd &&
        pledge.periodStart <= p.periodEnd,
    );
    if (overlap)
      throw errors.invalidInput(
        `periodStart: ${pledge.periodStart}..${pledge.periodEnd} overlaps the pledge of ${overlap.periodStart}..${overlap.periodEnd}; change that one, or remove it first`,
      );
    const change = await store.pledges.setPledge(pledge, reason, actor);
    return { changed: change !== null, change };
  },
});

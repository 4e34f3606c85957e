/** `destination.list`: host countries with their rules, their pledges and the pledged totals (M3). */
import { DestinationSchema, PledgeSchema, pledgedTotals } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** A destination with its pledges and what they add up to. */
export const DestinationOut = DestinationSchema.extend({
  pledges: z.array(PledgeSchema),
  pledged: z.object({
    persons: z.number().int(),
    cases: z.number().int(),
    medicalPlaces: z.number().int(),
  }),
});

/** Destinations with rules, pledges and pledged persons, cases and medical places. */
export const listDestinations = defineCommand({
  name: 'destination.list',
  summary: 'Destinations with their rules, pledges and pledged totals',
  input: z.object({}),
  output: z.array(DestinationOut),
  permission: 'registry.readDestinations',
  audit: null,
  async run({ store }) {
    const destinations = await store.registry.destinations();
    const pledges = await store.registry.pledges();
    const totals = pledgedTotals(
      destinations.map((d) => d.id),
      pledges,
    );
    return destinations.map((d) => ({
      ...d,
      pledges: pledges.filter((p) => p.destinationId === d.id),
      pledged: totals.get(d.id)!,
    }));
  },
});

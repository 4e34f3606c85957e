/** Destinations (host countries) with their rules, and their pledges (M3). */
import { DestinationSchema, PledgeSchema } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const Totals = z.object({
  persons: z.number().int(),
  cases: z.number().int(),
  medicalPlaces: z.number().int(),
});

/** `GET /api/destinations`: like `corridor destination list --json`. */
export const destinationsRoute = defineRoute('GET /api/destinations', {
  tag: 'destinations',
  summary: 'Destinations with their rules, pledges and pledged totals',
  response: z.array(DestinationSchema.extend({ pledges: z.array(PledgeSchema), pledged: Totals })),
  handler: async ({ store }) => {
    const [destinations, pledges] = [
      await store.registry.destinations(),
      await store.registry.pledges(),
    ];
    return destinations.map((d) => {
      const own = pledges.filter((p) => p.destinationId === d.id);
      const sum = (f: (p: (typeof own)[number]) => number) => own.reduce((s, p) => s + f(p), 0);
      return {
        ...d,
        pledges: own,
        pledged: {
          persons: sum((p) => p.persons),
          cases: sum((p) => p.cases),
          medicalPlaces: sum((p) => p.medicalPlaces),
        },
      };
    });
  },
});

/** `GET /api/pledges`: every pledge, by destination and period. */
export const pledgesRoute = defineRoute('GET /api/pledges', {
  tag: 'destinations',
  summary: 'Every pledge: persons, cases and medical places per destination and period',
  response: z.array(PledgeSchema),
  handler: ({ store }) => store.registry.pledges(),
});

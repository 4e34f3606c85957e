/** Movements (flights and convoys) and ground-transfer capacity (M5). */
import { GroundCapacitySchema, MovementSchema } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

/** `GET /api/movements`: like `corridor movement list --json`. */
export const movementsRoute = defineRoute('GET /api/movements', {
  tag: 'movements',
  summary: 'Movements by departure, and ground-transfer capacity per day',
  response: z.object({
    movements: z.array(MovementSchema.extend({ version: z.number().int() })),
    groundCapacity: z.array(GroundCapacitySchema),
  }),
  handler: async ({ store }) => ({
    movements: await store.movements.list(),
    groundCapacity: await store.movements.groundCapacity(),
  }),
});

/** Shapes the movement commands share with the API and the CLI's `--json`. */
import { GroundCapacitySchema, MovementSchema } from '@corridor/core';
import { z } from 'zod';

/** A stored flight or convoy, with the version used for optimistic concurrency. */
export const StoredMovementOut = MovementSchema.extend({ version: z.number().int() });

/** Movements by departure, and ground-transfer capacity per day. */
export const MovementListOut = z.object({
  movements: z.array(StoredMovementOut),
  groundCapacity: z.array(GroundCapacitySchema),
});

/** A whole number from 0 to `max`. */
export const count = (max: number) => z.number().int().min(0).max(max);

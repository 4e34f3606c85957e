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

/** The carrier fields `movement.add` and `movement.update` take (null clears one in an update). */
export const carrierInput = {
  carrier: MovementSchema.shape.carrier.describe(
    'IATA airline designator (e.g. XY) of a flight, or the convoy operator’s reference',
  ),
  flightNumber: MovementSchema.shape.flightNumber.describe(
    'flight number (1–4 digits, optional letter, e.g. 1234) or convoy reference',
  ),
  arriveAt: MovementSchema.shape.arriveAt.describe(
    'arrival, ISO 8601 with the arrival airport’s offset; after departAt',
  ),
};

/**
 * `movement.update`: a movement's status, seats, baggage, carrier, flight number or arrival, at the
 * version the caller read.
 */
import {
  carrierProblems,
  errors,
  IdSchema,
  MovementSchema,
  SpecialSeatsSchema,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { changeMovement } from './change.js';
import { carrierInput, count, StoredMovementOut } from './schemas.js';

/**
 * Changes status, seats, baggage, carrier, flight number or arrival (the result checked as
 * `movement.add` checks a new one, each problem naming its field); refused with 409 when `expectVersion` is stale. Subscribers hear
 * `movement.confirmed`, `movement.cancelled` or `movement.changed`.
 */
export const updateMovement = defineCommand({
  name: 'movement.update',
  summary:
    'Change a movement’s status, seats, baggage allowance, carrier, flight, arrival or special places',
  input: z.object({
    id: IdSchema,
    status: MovementSchema.shape.status.optional(),
    seats: count(10_000).optional(),
    baggageKg: count(1_000_000).optional(),
    ...carrierInput,
    specialSeats: SpecialSeatsSchema.nullable()
      .optional()
      .describe('special places on board: stretcher, wheelchair, infant, escort (null clears)'),
    expectVersion: z.number().int().min(1).optional(),
  }),
  output: StoredMovementOut,
  permission: 'movement.write',
  audit: 'movement.update',
  async run({ store, actor, now }, { id, expectVersion, ...change }) {
    if (Object.values(change).every((v) => v === undefined))
      throw errors.invalidInput(
        'nothing to change: give status, seats, baggageKg, carrier, flightNumber, arriveAt or specialSeats',
      );
    const current = await store.movements.get(id);
    if (!current) throw errors.notFound('movement', id);
    const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    const problems = carrierProblems({ ...current, ...defined });
    if (problems.length > 0)
      throw errors.invalidInput(`movement ${id} not changed: ${problems.join('; ')}`, problems);
    return changeMovement({ store, now }, actor, id, change, expectVersion);
  },
});

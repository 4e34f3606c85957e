/** `movement.update`: a movement's status, seats or baggage, at the version the caller read. */
import { errors, IdSchema, MovementSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { changeMovement } from './change.js';
import { count, StoredMovementOut } from './schemas.js';

/**
 * Changes status, seats or baggage; refused with 409 when `expectVersion` is stale. Subscribers hear
 * `movement.confirmed`, `movement.cancelled` or `movement.changed`.
 */
export const updateMovement = defineCommand({
  name: 'movement.update',
  summary: 'Change a movement’s status, seats or baggage allowance',
  input: z.object({
    id: IdSchema,
    status: MovementSchema.shape.status.optional(),
    seats: count(10_000).optional(),
    baggageKg: count(1_000_000).optional(),
    expectVersion: z.number().int().min(1).optional(),
  }),
  output: StoredMovementOut,
  permission: 'movement.write',
  audit: 'movement.update',
  run({ store, actor, now }, { id, expectVersion, ...change }) {
    if (Object.values(change).every((v) => v === undefined))
      throw errors.invalidInput('nothing to change: give status, seats or baggageKg');
    return changeMovement({ store, now }, actor, id, change, expectVersion);
  },
});

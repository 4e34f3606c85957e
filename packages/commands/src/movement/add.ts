/** `movement.add`: a new flight or convoy, checked against the operation and the clock. */
import {
  errors,
  IdSchema,
  IsoDateTimeSchema,
  MovementSchema,
  movementProblems,
  newMovement,
  SpecialSeatsSchema,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { carrierInput, count, StoredMovementOut } from './schemas.js';

/** Adds a flight or convoy; the rest is filled from the operation and the destination. */
export const addMovement = defineCommand({
  name: 'movement.add',
  summary: 'Add a flight or convoy (planned movements must depart in the future)',
  input: z.object({
    id: IdSchema,
    departAt: IsoDateTimeSchema,
    seats: count(10_000),
    kind: MovementSchema.shape.kind.optional(),
    to: IdSchema.nullable().optional().describe('destination id; omit for a hub'),
    arrivalAirport: MovementSchema.shape.arrivalAirport.optional(),
    origin: MovementSchema.shape.origin.optional(),
    timezone: z.string().min(1).max(64).optional(),
    baggageKg: count(1_000_000).optional(),
    ...carrierInput,
    specialSeats: SpecialSeatsSchema.optional().describe(
      'special places on board: stretcher, wheelchair, infant, escort (a kind left out: no limit)',
    ),
  }),
  output: StoredMovementOut,
  permission: 'movement.write',
  audit: 'movement.add',
  async run({ store, actor, now }, request) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const destinations = await store.registry.destinations();
    const destination = request.to ? destinations.find((d) => d.id === request.to) : undefined;
    if (request.to && !destination) throw errors.invalidInput(`to: no destination ${request.to}`);
    if ((await store.movements.get(request.id)) !== undefined)
      throw errors.conflict(`movement ${request.id} exists already`);
    // A candidate becomes a movement of its own id when a plan books it.
    if ((await store.candidates.get(request.id)) !== undefined)
      throw errors.conflict(`${request.id} is a candidate movement's id`);
    const movement = newMovement(request, op, destination);
    const existing = new Set((await store.movements.list()).map((m) => m.id));
    const problems = movementProblems(
      [movement],
      new Set(destinations.map((d) => d.id)),
      existing,
      now,
    );
    if (problems.length > 0)
      throw errors.invalidInput(`movements not added: ${problems.join('; ')}`, problems);
    await store.movements.add([movement], actor);
    return (await store.movements.get(movement.id))!;
  },
});

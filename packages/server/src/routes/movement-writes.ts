/** Movements written through the API (M5): add a flight or convoy, change status, seats or baggage. */
import { errors, IdSchema, IsoDateTimeSchema, MovementSchema, newMovement } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const Stored = MovementSchema.extend({ version: z.number().int() });
const count = (max: number) => z.number().int().min(0).max(max);

/** `POST /api/movements`: like `corridor movement add`. */
export const addMovementRoute = defineRoute('POST /api/movements', {
  tag: 'movements',
  summary: 'Add a flight or convoy (planned movements must depart in the future)',
  description:
    'Defaults: charter, from the operation’s airport in its time zone, to the destination’s ' +
    'first arrival airport, 23 kg of baggage per seat.',
  body: z.object({
    id: IdSchema,
    departAt: IsoDateTimeSchema,
    seats: count(10_000),
    kind: MovementSchema.shape.kind.optional(),
    to: IdSchema.nullable().optional().describe('destination id; omit for a hub'),
    arrivalAirport: MovementSchema.shape.arrivalAirport.optional(),
    origin: MovementSchema.shape.origin.optional(),
    timezone: z.string().min(1).max(64).optional(),
    baggageKg: count(1_000_000).optional(),
  }),
  status: 201,
  response: Stored,
  handler: async ({ body, store, actor, now }) => {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const destination = body.to
      ? (await store.registry.destinations()).find((d) => d.id === body.to)
      : undefined;
    if (body.to && !destination) throw errors.invalidInput(`to: no destination ${body.to}`);
    if ((await store.movements.get(body.id)) !== undefined)
      throw errors.conflict(`movement ${body.id} exists already`);
    await store.movements.add([newMovement(body, op, destination)], actor, now);
    return (await store.movements.get(body.id))!;
  },
});

/** `PATCH /api/movements/:id`: like `corridor movement set`, optionally at an expected version. */
export const changeMovementRoute = defineRoute('PATCH /api/movements/:id', {
  tag: 'movements',
  summary: 'Change a movement’s status, seats or baggage allowance',
  description:
    'Give `expectVersion` (the version you read) to be refused with 409 if someone changed the ' +
    'movement in between, instead of overwriting their change.',
  params: z.object({ id: IdSchema }),
  body: z
    .object({
      status: MovementSchema.shape.status.optional(),
      seats: count(10_000).optional(),
      baggageKg: count(1_000_000).optional(),
      expectVersion: z.number().int().min(1).optional(),
    })
    .refine((b) => b.status !== undefined || b.seats !== undefined || b.baggageKg !== undefined, {
      message: 'nothing to change: give status, seats or baggageKg',
    }),
  response: Stored,
  handler: ({ params, body, store, actor }) => {
    const { expectVersion, ...change } = body;
    return store.movements.update(params.id, change, expectVersion, actor);
  },
});

/** Check-in on the day (M6): the desk's list of a movement, and one record per person. */
import { checkinStatuses, IdSchema, maySee } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const Status = z.enum(checkinStatuses);
/** A check-in station's id. */
export const StationSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only');
/** One check-in record as stations keep it. */
export const CheckinEventSchema = z.object({
  station: z.string(),
  seq: z.number().int(),
  movementId: z.string(),
  personId: z.string(),
  status: Status,
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  note: z.string().nullable(),
  supersedes: z.record(z.string(), z.number().int()).nullable(),
});
/** A workflow move of a household that check-in caused, or why it did not happen. */
export const HouseholdMoveSchema = z.object({
  householdId: z.string(),
  from: z.string(),
  to: z.string(),
  done: z.boolean(),
  reason: z.string().optional(),
});

/** `GET /api/movements/:id/checkin`: who is booked on the movement and where each stands. */
export const movementCheckinRoute = defineRoute('GET /api/movements/:id/checkin', {
  tag: 'check-in',
  summary: 'Persons booked on a movement with their check-in status, and the counts',
  params: z.object({ id: IdSchema }),
  response: z.object({
    summary: z.object({
      movementId: z.string(),
      seats: z.number().int(),
      households: z.number().int(),
      booked: z.number().int(),
      pending: z.number().int(),
      checkedIn: z.number().int(),
      boarded: z.number().int(),
      noShow: z.number().int(),
      arrived: z.number().int(),
      conflicts: z.number().int(),
      seatsFree: z.number().int(),
    }),
    persons: z.array(
      z.object({
        householdId: z.string(),
        personId: z.string(),
        name: z
          .string()
          .nullable()
          .describe('"Given Family", or null when your role may not see names or they were erased'),
        isHead: z.boolean(),
        status: z.enum([...checkinStatuses, 'booked', 'conflict']),
        station: z.string().nullable(),
        at: z.string().nullable(),
      }),
    ),
  }),
  handler: async ({ params, store, user }) => {
    const persons = await store.checkin.list(params.id);
    // The desk needs names to call people; one read of the movement's households, by role.
    const names = new Map<string, string>();
    if (maySee(user.role, 'name')) {
      const snapshot = await store.registry.snapshot([
        ...new Set(persons.map((p) => p.householdId)),
      ]);
      for (const p of snapshot.persons)
        if (p.pii) names.set(p.id, `${p.pii.givenName} ${p.pii.familyName}`.trim());
    }
    return {
      summary: await store.checkin.summary(params.id),
      persons: persons.map((p) => ({ ...p, name: names.get(p.personId) ?? null })),
    };
  },
});

/** `POST /api/checkin`: like `corridor checkin MOVEMENT PERSON --status S`. */
export const checkinRoute = defineRoute('POST /api/checkin', {
  tag: 'check-in',
  summary: 'Record check-in, boarding, no-show or arrival of a person on a movement',
  description:
    'Refused (409) while stations disagree about the person: a conflict is decided, never ' +
    'overwritten. Moving a whole household on (checked-in, departed, arrived) follows its members.',
  body: z.object({
    movementId: IdSchema,
    personId: IdSchema,
    status: Status,
    station: StationSchema.optional(),
    note: z.string().trim().max(500).optional(),
  }),
  response: z.object({
    event: CheckinEventSchema,
    status: Status.nullable(),
    householdMoves: z.array(HouseholdMoveSchema),
  }),
  handler: async ({ body, store, actor }) => {
    const r = await store.checkin.record(
      {
        movementId: body.movementId,
        personId: body.personId,
        status: body.status,
        ...(body.station ? { station: body.station } : {}),
        ...(body.note ? { note: body.note } : {}),
      },
      actor,
    );
    return { event: r.event, status: r.state.status, householdMoves: r.householdMoves };
  },
});

/** Offline check-in stations through the API (M6): carry a log out, merge one in, decide conflicts. */
import { checkinStatuses, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { CheckinEventSchema, HouseholdMoveSchema, StationSchema } from './checkin.js';

const ConflictSchema = z.object({
  movementId: z.string(),
  personId: z.string(),
  householdId: z.string().nullable(),
  records: z.array(CheckinEventSchema),
});
/** `GET /api/checkin/log`: like `corridor checkin export`, a log another station can merge. */
export const checkinLogRoute = defineRoute('GET /api/checkin/log', {
  tag: 'check-in',
  summary: 'The check-in records of one station (or all) as a log to merge elsewhere',
  query: z.object({ station: StationSchema.optional() }),
  response: z.object({
    format: z.literal('corridor-checkin-log'),
    version: z.literal(1),
    operation: z.string(),
    station: z.string().nullable(),
    exportedAt: z.string(),
    sha256: z.string(),
    events: z.array(CheckinEventSchema),
  }),
  handler: ({ query, store }) => store.checkin.exportLog(query.station),
});

/** `POST /api/checkin/merge`: like `corridor checkin merge FILE`; both sides' records survive. */
export const checkinMergeRoute = defineRoute('POST /api/checkin/merge', {
  tag: 'check-in',
  summary: 'Merge another station’s log: every record kept, disagreements listed as conflicts',
  body: z.object({ log: z.unknown() }),
  response: z.object({
    received: z.number().int(),
    added: z.number().int(),
    alreadyHad: z.number().int(),
    stations: z.array(z.string()),
    conflicts: z.array(ConflictSchema),
    householdMoves: z.array(HouseholdMoveSchema),
  }),
  handler: ({ body, store, actor }) => store.checkin.merge(body.log, actor),
});

/** `GET /api/checkin/conflicts`: persons whose status stations disagree on. */
export const checkinConflictsRoute = defineRoute('GET /api/checkin/conflicts', {
  tag: 'check-in',
  summary: 'Persons whose check-in status stations disagree on (never settled by last write)',
  query: z.object({ movementId: IdSchema.optional() }),
  response: z.array(ConflictSchema),
  handler: ({ query, store }) => store.checkin.conflicts(query.movementId),
});

/** `POST /api/checkin/resolve`: like `corridor checkin resolve`, a decision with a reason. */
export const checkinResolveRoute = defineRoute('POST /api/checkin/resolve', {
  tag: 'check-in',
  summary: 'Decide a conflict: a new record that supersedes the disagreeing ones',
  body: z.object({
    movementId: IdSchema,
    personId: IdSchema,
    status: z.enum(checkinStatuses),
    note: z.string().trim().min(3).max(500),
  }),
  response: z.object({
    event: CheckinEventSchema,
    status: z.enum(checkinStatuses).nullable(),
    householdMoves: z.array(HouseholdMoveSchema),
  }),
  handler: async ({ body, store, actor }) => {
    const r = await store.checkin.resolve(body, actor);
    return { event: r.event, status: r.state.status, householdMoves: r.householdMoves };
  },
});

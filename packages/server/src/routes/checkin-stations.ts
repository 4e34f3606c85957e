/** Offline check-in stations through the API (M6): carry a log out, merge one in, decide conflicts. */
import { checkinStatuses, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const Station = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _ only');
const EventSchema = z.object({
  station: z.string(),
  seq: z.number().int(),
  movementId: z.string(),
  personId: z.string(),
  status: z.enum(checkinStatuses),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  note: z.string().nullable(),
  supersedes: z.record(z.string(), z.number().int()).nullable(),
});
const ConflictSchema = z.object({
  movementId: z.string(),
  personId: z.string(),
  householdId: z.string().nullable(),
  records: z.array(EventSchema),
});
const MoveSchema = z.object({
  householdId: z.string(),
  from: z.string(),
  to: z.string(),
  done: z.boolean(),
  reason: z.string().optional(),
});

/** `GET /api/checkin/log`: like `corridor checkin export`, a log another station can merge. */
export const checkinLogRoute = defineRoute('GET /api/checkin/log', {
  tag: 'check-in',
  summary: 'The check-in records of one station (or all) as a log to merge elsewhere',
  query: z.object({ station: Station.optional() }),
  response: z.object({
    format: z.literal('corridor-checkin-log'),
    version: z.literal(1),
    operation: z.string(),
    station: z.string().nullable(),
    exportedAt: z.string(),
    sha256: z.string(),
    events: z.array(EventSchema),
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
    householdMoves: z.array(MoveSchema),
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
    event: EventSchema,
    status: z.enum(checkinStatuses).nullable(),
    householdMoves: z.array(MoveSchema),
  }),
  handler: async ({ body, store, actor }) => {
    const r = await store.checkin.resolve(body, actor);
    return { event: r.event, status: r.state.status, householdMoves: r.householdMoves };
  },
});

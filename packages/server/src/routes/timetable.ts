/** The timetable and the hazard it is planned against (M5, M8), as the CLI shows them. */
import { errors, IdSchema, IsoDateSchema, MovementSchema } from '@corridor/core';
import { hazardFrom, timetableView } from '@corridor/storage';
import { z } from 'zod';
import { checkCaseMove, moveCase } from '../planning/move-case.js';
import { defineRoute } from '../route.js';

/** `GET /api/timetable`: like `corridor timetable --json`. */
export const timetableRoute = defineRoute('GET /api/timetable', {
  tag: 'planning',
  summary: 'Movements by departure with the cases the current timetable puts on them',
  query: z.object({ kind: z.enum(['timetable', 'joint']).default('timetable') }),
  response: z.array(
    MovementSchema.extend({
      cases: z.array(z.string()),
      casePersons: z
        .array(z.number().int())
        .describe('persons in each case, as `cases` lists them'),
      persons: z.number().int(),
    }),
  ),
  handler: async ({ query, store }) => {
    const view = await timetableView(store, query.kind);
    if (!view) throw errors.notFound('plan', `(current ${query.kind})`);
    return view;
  },
});

const MoveCheckSchema = z.object({
  case: z.string(),
  persons: z.number().int(),
  destinationId: z.string().nullable().describe('where the case is allocated'),
  from: z.string().nullable().describe('the movement the case is on now'),
  to: z.string(),
  planId: z.number().int().describe('the plan checked against'),
  ok: z.boolean(),
  findings: z.array(z.object({ ok: z.boolean(), text: z.string() })),
});

const planKind = z
  .enum(['timetable', 'joint'])
  .default('timetable')
  .describe('the timetable (default) or the joint plan');

/** `GET /api/timetable/check`: like `corridor move-case CASE MOVEMENT --check --json`. */
export const timetableCheckRoute = defineRoute('GET /api/timetable/check', {
  tag: 'planning',
  summary: 'Check whether a case fits on another movement (status, destination, seats, baggage)',
  query: z.object({ case: IdSchema, movement: IdSchema, kind: planKind }),
  response: MoveCheckSchema,
  handler: ({ query, store }) =>
    checkCaseMove(store, {
      caseId: query.case,
      movementId: query.movement,
      joint: query.kind === 'joint',
    }),
});

/** `POST /api/timetable/move`: like `corridor move-case CASE MOVEMENT --reason TEXT --json`. */
export const timetableMoveRoute = defineRoute('POST /api/timetable/move', {
  tag: 'planning',
  summary: 'Move a case to another movement by hand: a new plan version and a lock',
  description:
    'Refused with 422 `move-refused` (the failed checks in `details.failed`) when the case does ' +
    'not fit, and with 409 `plan-changed` when another plan was saved meanwhile. The lock keeps ' +
    'the case on the movement in later timetable runs.',
  body: z.object({
    case: IdSchema,
    movementId: IdSchema,
    reason: z.string().trim().min(3).max(500),
    kind: planKind,
  }),
  response: MoveCheckSchema.extend({
    plan: z.object({
      id: z.number().int(),
      version: z.number().int(),
      kind: z.enum(['timetable', 'joint']),
    }),
    reason: z.string(),
  }),
  handler: ({ body, store, actor }) =>
    moveCase(store, actor, {
      caseId: body.case,
      movementId: body.movementId,
      joint: body.kind === 'joint',
      reason: body.reason,
    }),
});

/** `GET /api/hazard`: like `corridor hazard --json`. */
export const hazardRoute = defineRoute('GET /api/hazard', {
  tag: 'incidents',
  summary: 'Daily incident rate at the camp: observed, mean and 90% upper quantile',
  description:
    'Poisson–Gamma with forgetting over the incident log (severity-weighted); before any data ' +
    'it is the prior rate. Days default to the operation’s window.',
  query: z.object({
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    priorRate: z
      .string()
      .regex(/^\d{0,3}(\.\d{1,6})?$/, 'must be a decimal number')
      .transform(Number)
      .refine((n) => n > 0 && n <= 100, 'must be more than 0 and at most 100')
      .optional()
      .describe('expected incidents per day before any data (default 0.02)'),
  }),
  response: z.array(
    z.object({ day: z.string(), observed: z.number(), mean: z.number(), upper90: z.number() }),
  ),
  handler: async ({ query, store }) => {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const from = query.from ?? op.windowStart;
    const to = query.to ?? op.windowEnd;
    if (from > to) throw errors.invalidInput('from must not be after to');
    if (Date.parse(to) - Date.parse(from) > 3660 * 86_400_000)
      throw errors.invalidInput('from and to may be at most ten years apart');
    return hazardFrom(store, from, to, query.priorRate ?? 0.02);
  },
});

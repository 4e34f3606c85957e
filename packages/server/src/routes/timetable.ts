/** The timetable and the hazard it is planned against (M5, M8), as the CLI shows them. */
import { errors, IsoDateSchema, MovementSchema } from '@corridor/core';
import { hazardFrom, timetableView } from '@corridor/storage';
import { z } from 'zod';
import { defineRoute } from '../route.js';

/** `GET /api/timetable`: like `corridor timetable --json`. */
export const timetableRoute = defineRoute('GET /api/timetable', {
  tag: 'planning',
  summary: 'Movements by departure with the cases the current timetable puts on them',
  query: z.object({ kind: z.enum(['timetable', 'joint']).default('timetable') }),
  response: z.array(
    MovementSchema.extend({
      cases: z.array(z.string()),
      persons: z.number().int(),
    }),
  ),
  handler: async ({ query, store }) => {
    const view = await timetableView(store, query.kind);
    if (!view) throw errors.notFound('plan', `(current ${query.kind})`);
    return view;
  },
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

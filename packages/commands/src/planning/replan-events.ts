/** Disruption events (M7) as a schema: one truth for `corridor replan --event FILE` and `POST /api/replan`. */
import { errors, IdSchema, IsoDateSchema } from '@corridor/core';
import type { ReplanEvent } from '@corridor/optimizer';
import { z } from 'zod';

const seats = z.number().int().min(0).max(100_000);
const kilograms = z.number().min(0).max(10_000_000);

/** One disruption event. */
export const ReplanEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cancel-movement'), movement: IdSchema }),
  z.object({
    type: z.literal('reduce-seats'),
    movement: IdSchema,
    seats,
    baggageKg: kilograms.optional(),
  }),
  z.object({
    type: z.literal('pause-destination'),
    destination: IdSchema,
    from: IsoDateSchema,
    to: IsoDateSchema,
  }),
  z.object({ type: z.literal('case-not-ready'), case: IdSchema, until: IsoDateSchema }),
  z.object({
    type: z.literal('hazard-change'),
    from: IsoDateSchema,
    factor: z.number().min(0).max(1000),
  }),
  z.object({
    type: z.literal('add-movement'),
    movement: z.object({
      id: IdSchema,
      destinationId: IdSchema.nullable(),
      day: IsoDateSchema,
      seats,
      baggageKg: kilograms,
    }),
  }),
  // Ready and latest days come from the procedures as recorded now: the event only names the cause.
  z.object({ type: z.literal('procedures-changed') }),
]);

/** A list of events, at least one and at most 1,000. */
export const ReplanEventsSchema = z.array(ReplanEventSchema).min(1).max(1000);

/** Reads events given as one event, a list, or `{"events": [...]}`; a clear error names the first problem. */
export function parseReplanEvents(value: unknown): ReplanEvent[] {
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && 'events' in value
      ? (value as { events: unknown }).events
      : [value];
  const parsed = ReplanEventsSchema.safeParse(list);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    throw errors.invalidInput(`invalid events${at}: ${issue?.message ?? 'unreadable'}`);
  }
  return parsed.data as ReplanEvent[];
}

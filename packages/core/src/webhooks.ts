/** Events pushed to partners' systems (host states, carriers, agencies), named `resource.event`. */
import { z } from 'zod';
import { checkinStatuses } from './checkin-status.js';
import { CaseStatusSchema, MovementSchema } from './schemas.js';
import { SpecialSeatsSchema } from './special-seats.js';

/** Event types a webhook may subscribe to. */
export const webhookEventTypes = [
  'movement.confirmed',
  'movement.changed',
  'movement.cancelled',
  'case.status-changed',
  'plan.published',
  'checkin.recorded',
  'arrival.confirmed',
] as const;
/** One subscribable event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What a movement event says: the movement's facts now, and which of them changed. */
const MovementEventData = z.object({
  movementId: z.string(),
  kind: MovementSchema.shape.kind,
  status: MovementSchema.shape.status,
  previousStatus: MovementSchema.shape.status,
  departAt: z.string().describe('ISO 8601 with the offset of the departure airport'),
  date: z.string().describe('departure day (YYYY-MM-DD) at the departure airport'),
  origin: z.string(),
  destinationId: z.string().nullable(),
  arrivalAirport: z.string().nullable(),
  seats: z.number().int(),
  baggageKg: z.number().int(),
  carrier: z.string().nullable().describe('IATA airline designator or convoy operator'),
  flightNumber: z.string().nullable().describe('flight number or convoy reference'),
  arriveAt: z.string().nullable().describe('ISO 8601 with the offset of the arrival airport'),
  specialSeats: SpecialSeatsSchema.nullable()
    .optional()
    .describe('special places on board (stretcher, wheelchair, infant, escort)'),
  cases: z.number().int().describe('cases booked on it in the current timetable'),
  changed: z.array(
    z.enum(['status', 'seats', 'baggageKg', 'carrier', 'flightNumber', 'arriveAt', 'specialSeats']),
  ),
  version: z.number().int(),
});

/**
 * The data of each event type: ids and non-personal facts only. `emit` parses an event's data
 * with its schema, so a field not declared here never leaves Corridor; no schema names a
 * personal field (names, birth dates, documents, notes, reasons).
 */
export const webhookEventData = {
  'movement.confirmed': MovementEventData,
  'movement.changed': MovementEventData,
  'movement.cancelled': MovementEventData,
  'case.status-changed': z.object({
    caseId: z.string(),
    from: CaseStatusSchema.nullable(),
    to: CaseStatusSchema,
    at: z.string(),
    movementId: z.string().nullable().describe('the movement whose check-in moved the case'),
  }),
  'plan.published': z.object({
    planId: z.number().int(),
    kind: z.enum(['allocation', 'timetable', 'joint']),
    version: z.number().int(),
    parentId: z.number().int().nullable(),
    cases: z.number().int(),
    placed: z.number().int(),
    unplaced: z.number().int(),
    byDestination: z.array(z.object({ destinationId: z.string(), cases: z.number().int() })),
  }),
  'checkin.recorded': z.object({
    movementId: z.string(),
    personId: z.string(),
    caseId: z.string(),
    status: z.enum(checkinStatuses),
    station: z.string(),
    seq: z.number().int(),
    at: z.string(),
    source: z.enum(['desk', 'decision', 'merge']),
  }),
  'arrival.confirmed': z.object({
    caseId: z.string(),
    movementId: z.string().nullable(),
    persons: z.number().int(),
    at: z.string(),
  }),
} as const satisfies Record<WebhookEventType, z.ZodObject>;

/** The data an event of type `T` carries. */
export type WebhookEventData<T extends WebhookEventType> = z.input<(typeof webhookEventData)[T]>;

/** The test event `webhook ping` sends to one webhook. */
export const webhookPingEvent = 'webhook.ping';

/** A receiver's URL: http(s), no user name or password in it (send secrets in the signature). */
export const WebhookUrlSchema = z
  .string()
  .max(2000)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http or https URL without a user name or password' },
  );

/** A new subscription. */
export const WebhookInputSchema = z.object({
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      'must be 1–64 letters, digits, dots, dashes or underscores',
    )
    .optional(),
  url: WebhookUrlSchema,
  events: z.array(z.enum(webhookEventTypes)).min(1, 'name at least one event type'),
});

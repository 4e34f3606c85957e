/**
 * Changes a movement and tells subscribers: confirming it is `movement.confirmed`, cancelling it
 * `movement.cancelled`, any other change (seats, baggage, carrier, flight number, arrival, special
 * places, another status) `movement.changed`.
 */
import type { WebhookEventData } from '@corridor/core';
import type { Actor, Movement, MovementChange, MovementStatus } from '@corridor/storage';
import { emit, type EmitContext } from '../webhook/emit.js';

type Change = MovementChange;
/** The fields a movement event reports as changed. */
type Field = keyof Change;

/** Which fields the change really altered. */
function changedFields(before: Movement, after: Movement): Field[] {
  const fields = [
    'status',
    'seats',
    'baggageKg',
    'carrier',
    'flightNumber',
    'arriveAt',
    'specialSeats',
  ] as const;
  // Special places are an object: compared by their JSON.
  return fields.filter(
    (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null),
  );
}

type MovementEvent = 'movement.confirmed' | 'movement.cancelled' | 'movement.changed';

/** The events one change makes: confirming and a seat change at once are two events. */
function eventsOf(changed: Field[], status: MovementStatus): MovementEvent[] {
  const events: MovementEvent[] = [];
  if (changed.includes('status') && status === 'confirmed') events.push('movement.confirmed');
  if (changed.includes('status') && status === 'cancelled') events.push('movement.cancelled');
  const told = events.length > 0;
  if (changed.some((f) => f !== 'status' || !told)) events.push('movement.changed');
  return events;
}

/**
 * Updates the movement (at `expectVersion` when given) and emits its events in the caller's
 * transaction; a change that alters nothing emits none.
 */
export async function changeMovement(
  ctx: EmitContext,
  actor: Actor,
  id: string,
  change: Change,
  expectVersion?: number,
): Promise<Movement> {
  const { store } = ctx;
  // "Before" is read under the update's row lock: a change committed in between is not ours.
  const { before, after } = await store.movements.change(id, change, expectVersion, actor);
  const changed = changedFields(before, after);
  const events = eventsOf(changed, after.status);
  if (events.length === 0) return after;
  const data: WebhookEventData<'movement.changed'> = {
    movementId: after.id,
    kind: after.kind,
    status: after.status,
    previousStatus: before.status,
    departAt: after.departAt,
    date: after.departAt.slice(0, 10),
    origin: after.origin,
    destinationId: after.destinationId,
    arrivalAirport: after.arrivalAirport,
    seats: after.seats,
    baggageKg: after.baggageKg,
    carrier: after.carrier ?? null,
    flightNumber: after.flightNumber ?? null,
    arriveAt: after.arriveAt ?? null,
    specialSeats: after.specialSeats ?? null,
    cases: (await store.checkin.bookedHouseholds(after.id)).length,
    changed,
    version: after.version,
  };
  for (const type of events) await emit(ctx, type, data);
  return after;
}

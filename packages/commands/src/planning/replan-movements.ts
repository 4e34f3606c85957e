/** Records disruption events on the stored movements (cancelled, fewer seats, added). */
import type { ReplanEvent } from '@corridor/optimizer';
import type { Actor, Store } from '@corridor/storage';
import { changeMovement } from '../movement/change.js';

/**
 * Applies each movement event to the movement store, audited as the actor; a cancelled or smaller
 * movement is announced to subscribers (`movement.cancelled`, `movement.changed`).
 */
export async function applyToMovements(
  store: Store,
  actor: Actor,
  events: ReplanEvent[],
): Promise<void> {
  for (const e of events) {
    if (e.type === 'cancel-movement')
      await changeMovement({ store }, actor, e.movement, { status: 'cancelled' });
    if (e.type === 'reduce-seats')
      await changeMovement({ store }, actor, e.movement, {
        seats: e.seats,
        ...(e.baggageKg !== undefined ? { baggageKg: e.baggageKg } : {}),
      });
    if (e.type === 'add-movement') {
      const op = await store.registry.operation();
      await store.movements.add(
        [
          {
            id: e.movement.id,
            kind: 'charter',
            origin: op?.airportCode ?? 'XXX',
            destinationId: e.movement.destinationId,
            arrivalAirport: null,
            departAt: `${e.movement.day}T06:00:00Z`,
            timezone: op?.timezone ?? 'UTC',
            seats: e.movement.seats,
            baggageKg: e.movement.baggageKg,
            status: 'planned',
          },
        ],
        actor,
      );
    }
  }
}

/** Records disruption events on the stored movements (cancelled, fewer seats, added). */
import type { ReplanEvent } from '@corridor/optimizer';
import type { Actor, Store } from '@corridor/storage';

/** Applies each movement event to the movement store, audited as the actor. */
export async function applyToMovements(
  store: Store,
  actor: Actor,
  events: ReplanEvent[],
): Promise<void> {
  for (const e of events) {
    if (e.type === 'cancel-movement')
      await store.movements.update(e.movement, { status: 'cancelled' }, undefined, actor);
    if (e.type === 'reduce-seats')
      await store.movements.update(
        e.movement,
        { seats: e.seats, ...(e.baggageKg !== undefined ? { baggageKg: e.baggageKg } : {}) },
        undefined,
        actor,
      );
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

/** The demo's movement schedule: charters and group bookings across the window, a final 280. */
import type { Destination, GroundCapacity, Movement, Need, Person, Pledge } from '../schemas.js';
import {
  addSeatNeeds,
  seatNeedsOf,
  specialSeatKinds,
  type SpecialSeats,
} from '../special-seats.js';
import { addDays, daysBetween, type IsoDate } from '../units.js';
import { finalGroupSize, finalMovementSeats } from './final-group.js';
import { demoWindow } from './generate.js';

export { finalMovementSeats };

const campOrigin = 'BGW';
const offset = '+03:00';

function departure(day: IsoDate, hour: number): string {
  return `${day}T${String(hour).padStart(2, '0')}:00:00${offset}`;
}

/**
 * Movements that carry every destination's pledged persons over the window: the main host
 * country by charter every few months, the others by group bookings on scheduled flights, and
 * the final charter on the window's last day with seats for the final group (280; fewer in a small
 * demo), whose procedure with the main host state ends in the window's last days.
 */
export function generateDemoMovements(
  destinations: Destination[],
  pledges: Pledge[],
  people?: { persons: readonly Person[]; needs: readonly Need[] },
): Movement[] {
  const out: Movement[] = [];
  const fitted = people ? fittedOut(people) : () => null;
  const pledgedBy = (id: string) =>
    pledges.filter((p) => p.destinationId === id).reduce((s, p) => s + p.persons, 0);
  const main = [...destinations].sort((a, b) => pledgedBy(b.id) - pledgedBy(a.id))[0];
  const span = daysBetween(demoWindow.start, demoWindow.end);
  const finalSeats = main ? finalGroupSize(pledgedBy(main.id)) : 0;
  for (const d of destinations) {
    const isMain = d.id === main?.id;
    const persons = pledgedBy(d.id) - (isMain ? finalSeats : 0);
    if (persons <= 0) continue;
    const count = Math.max(1, Math.min(isMain ? 20 : 4, Math.round(persons / (isMain ? 50 : 45))));
    const seatsEach = Math.ceil((persons * 1.05) / count);
    for (let k = 0; k < count; k++) {
      // Each movement leaves once the pledges up to its day cover what it carries.
      const day = addDays(
        demoWindow.start,
        Math.round(((k + 1) * (span - 10)) / count) - 5 - (d.id.charCodeAt(0) % 7),
      );
      out.push({
        id: '',
        kind: isMain ? 'charter' : 'scheduled',
        origin: campOrigin,
        destinationId: d.id,
        arrivalAirport: d.arrivalAirports[0] ?? null,
        departAt: departure(day, isMain ? 6 : 10 + (k % 4)),
        timezone: 'Asia/Baghdad',
        seats: seatsEach,
        baggageKg: seatsEach * 23,
        status: 'planned',
        ...(isMain ? { specialSeats: fitted(seatsEach) } : {}),
      });
    }
  }
  if (main && finalSeats > 0) {
    out.push({
      id: '',
      kind: 'charter',
      origin: campOrigin,
      destinationId: main.id,
      arrivalAirport: main.arrivalAirports[0] ?? null,
      departAt: departure(demoWindow.end, 5),
      timezone: 'Asia/Baghdad',
      seats: finalSeats,
      baggageKg: finalSeats * 23,
      status: 'planned',
      specialSeats: fitted(finalSeats),
    });
  }
  out.sort(
    (a, b) =>
      a.departAt.localeCompare(b.departAt) ||
      (a.destinationId ?? '').localeCompare(b.destinationId ?? ''),
  );
  return out.map((m, i) => ({ ...m, id: `M-${String(i + 1).padStart(3, '0')}` }));
}

/**
 * The special places a charter of `seats` is fitted with: for each kind the residents need
 * (stretchers, wheelchairs, infants, escorts, by `seatNeedsOf` in the window's first year), half as
 * many again as their share of the seats, rounded up; null when no one needs any.
 */
function fittedOut(people: {
  persons: readonly Person[];
  needs: readonly Need[];
}): (seats: number) => SpecialSeats | null {
  const needsOf = new Map<string, Need[]>();
  for (const n of people.needs) needsOf.set(n.personId, [...(needsOf.get(n.personId) ?? []), n]);
  const year = Number(demoWindow.start.slice(0, 4));
  const total = addSeatNeeds(
    people.persons.map((p) =>
      seatNeedsOf({ needs: needsOf.get(p.id) ?? [], birthYear: p.birthYear ?? null }, year),
    ),
  );
  const count = Math.max(1, people.persons.length);
  return (seats) => {
    const out: SpecialSeats = {};
    for (const k of specialSeatKinds)
      if (total[k]) out[k] = Math.ceil((1.5 * seats * total[k]) / count);
    return Object.keys(out).length > 0 ? out : null;
  };
}

/** Ground transfer camp → airport on each movement day: buses for 300 people, 06:00-14:00. */
export function generateDemoGroundCapacity(movements: Movement[]): GroundCapacity[] {
  const days = [...new Set(movements.map((m) => m.departAt.slice(0, 10)))].sort();
  return days.map((day) => ({
    day: day as IsoDate,
    persons: 300,
    vehicles: 6,
    hours: '06:00-14:00',
  }));
}

/** How full a movement is: seats by people, baggage by kilograms. */
import type { MovementRow, TimetableMovement } from './types.js';

import { plannedKgPerPerson } from './move-check.js';

export { plannedKgPerPerson };

/** A movement's load. */
export interface Load {
  persons: number;
  seats: number;
  kg: number;
  baggageKg: number;
  /** True when kg is an estimate from the number of people. */
  kgEstimated: boolean;
}

/**
 * The load of a movement, from the timetable when there is one. The timetable carries no weighed
 * baggage, so the kilograms are always the planning estimate per person.
 */
export function loadOf(m: MovementRow, t: TimetableMovement | undefined): Load {
  const persons = t?.persons ?? 0;
  return {
    persons,
    seats: m.seats,
    kg: persons * plannedKgPerPerson,
    baggageKg: m.baggageKg,
    kgEstimated: true,
  };
}

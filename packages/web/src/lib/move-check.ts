/** Whether a case fits on another movement: destination, status, seats and baggage left. */
import { plannedKgPerPerson, type Load } from './loads.js';

/** What the check needs of the target movement. */
export interface MoveTarget {
  id: string;
  destinationId: string | null;
  status: string;
  load: Load;
}

/** One finding of the check; `ok` false blocks the move. */
export interface MoveFinding {
  ok: boolean;
  text: string;
}

/**
 * Checks moving a case of `persons` people going to `destinationId` onto `target`. A case
 * already on the target takes no new seats.
 */
export function checkMove(
  c: { persons: number; destinationId: string | null; onTarget: boolean },
  target: MoveTarget,
): MoveFinding[] {
  const seatsLeft = target.load.seats - target.load.persons;
  const kgLeft = target.load.baggageKg - target.load.kg;
  const extra = c.onTarget ? 0 : c.persons;
  return [
    {
      ok: target.status === 'planned' || target.status === 'confirmed',
      text: `movement ${target.id} is ${target.status}`,
    },
    {
      ok: !target.destinationId || !c.destinationId || target.destinationId === c.destinationId,
      text: `goes to ${target.destinationId ?? 'any destination'}; the case is allocated to ${c.destinationId ?? 'none yet'}`,
    },
    { ok: extra <= seatsLeft, text: `${c.persons} people; ${seatsLeft} seats left` },
    {
      ok: extra * plannedKgPerPerson <= kgLeft,
      text: `${c.persons * plannedKgPerPerson} kg of baggage; ${kgLeft} kg left`,
    },
  ];
}

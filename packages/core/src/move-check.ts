/**
 * Whether a case may go on another movement: the case's status, the movement's status and
 * destination, seats and baggage left. One check for the web (while a case is dragged), the API
 * and the CLI (before a move is saved). Free of zod so the web can bundle it on its own.
 */
import { schedulableStatuses, type CaseStatus } from './workflow.js';

/**
 * Kilograms of baggage per person the timetable model reserves for a case (the planning runs
 * and this check use the same figure).
 */
export const plannedKgPerPerson = 20;

/** A movement's load: people on seats and kilograms of baggage. */
export interface MoveLoad {
  persons: number;
  seats: number;
  kg: number;
  baggageKg: number;
}

/** What the check needs of the target movement. */
export interface MoveTarget {
  id: string;
  destinationId: string | null;
  status: string;
  load: MoveLoad;
}

/** What the check needs of the case. */
export interface MoveCase {
  persons: number;
  destinationId: string | null;
  /** True when the case is already on the target (it takes no new seats). */
  onTarget: boolean;
  /** The case's workflow status; omitted when not known (the web's drag preview). */
  status?: CaseStatus;
}

/** One finding of the check; `ok` false blocks the move. */
export interface MoveFinding {
  ok: boolean;
  text: string;
}

/** The check of one move as the API and `corridor move-case --check --json` give it. */
export interface MoveCheck {
  case: string;
  persons: number;
  /** Where the case is allocated. */
  destinationId: string | null;
  /** The movement the case is on now (null: none). */
  from: string | null;
  to: string;
  /** The plan checked against. */
  planId: number;
  ok: boolean;
  findings: MoveFinding[];
}

/** Checks moving a case onto `target`; every finding must be ok for the move to be saved. */
export function checkMove(c: MoveCase, target: MoveTarget): MoveFinding[] {
  const seatsLeft = target.load.seats - target.load.persons;
  const kgLeft = target.load.baggageKg - target.load.kg;
  const extra = c.onTarget ? 0 : c.persons;
  return [
    ...(c.status === undefined
      ? []
      : [
          {
            ok: schedulableStatuses.includes(c.status),
            text: `the case is ${c.status}`,
          },
        ]),
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

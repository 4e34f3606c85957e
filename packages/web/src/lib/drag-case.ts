/** A case being dragged on the timetable, and whether it may be dropped on a movement. */
import type { Load } from './loads.js';
import { checkMove, type MoveFinding } from './move-check.js';
import type { MovementRow } from './types.js';

/** What the page knows of a dragged case (from the timetable it was picked from). */
export interface DraggedCase {
  caseId: string;
  persons: number;
  /** The movement it is on now. */
  from: string;
  /** Its destination: the destination of the movement it is on. */
  destinationId: string | null;
}

/** The check while dragging: the same rules as the server's, on the loads the page shows. */
export function dropFindings(
  drag: DraggedCase,
  target: MovementRow,
  load: Load | undefined,
): MoveFinding[] {
  return checkMove(
    { persons: drag.persons, destinationId: drag.destinationId, onTarget: drag.from === target.id },
    {
      id: target.id,
      destinationId: target.destinationId,
      status: target.status,
      load: load ?? { persons: 0, seats: target.seats, kg: 0, baggageKg: target.baggageKg },
    },
  );
}

/**
 * The cases the plan puts on one movement, each a chip that can be dragged onto another movement
 * of the Gantt chart (or the loads table), or chosen with its button for the keyboard form.
 */
import type { DraggedCase } from '../lib/drag-case.js';
import type { TimetableMovement } from '../lib/types.js';

/** The chips of one movement. */
export function CaseChips(props: {
  movement: TimetableMovement;
  dragging: string | null;
  onDragStart: (drag: DraggedCase) => void;
  onDragEnd: () => void;
  onChoose: (caseId: string) => void;
}) {
  const m = props.movement;
  if (m.cases.length === 0) return <p className="muted">No case is on {m.id}.</p>;
  return (
    <>
      <p className="muted" id="case-chips-help">
        Drag a case onto another movement in the chart or the loads table, or choose “Move…” to pick
        the movement with the keyboard.
      </p>
      <ul className="case-chips" aria-label={`Cases on ${m.id}`}>
        {m.cases.map((caseId, i) => {
          const persons = m.casePersons[i] ?? 0;
          return (
            <li
              key={caseId}
              className={props.dragging === caseId ? 'case-chip dragging' : 'case-chip'}
              data-case={caseId}
              draggable
              aria-describedby="case-chips-help"
              onDragStart={(e) => {
                // Some browsers start a drag only with data; the page keeps the case itself.
                e.dataTransfer.setData('text/plain', caseId);
                e.dataTransfer.effectAllowed = 'move';
                props.onDragStart({
                  caseId,
                  persons,
                  from: m.id,
                  destinationId: m.destinationId,
                });
              }}
              onDragEnd={props.onDragEnd}
            >
              <span>
                {caseId} · {persons} {persons === 1 ? 'person' : 'people'}
              </span>
              <button
                type="button"
                aria-label={`Move ${caseId}…`}
                onClick={() => props.onChoose(caseId)}
              >
                Move…
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * The cases the plan puts on one movement, each a chip that can be dragged onto another movement
 * of the Gantt chart (or the loads table), or chosen with its button for the keyboard form.
 */
import { useT } from '../i18n/use-t.js';
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
  const t = useT();
  const m = props.movement;
  if (m.cases.length === 0) return <p className="muted">{t('chips.none', { id: m.id })}</p>;
  return (
    <>
      <p className="muted" id="case-chips-help">
        {t('chips.help')}
      </p>
      <ul className="case-chips" aria-label={t('chips.list', { id: m.id })}>
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
              <span>{t('chips.chip', { id: caseId, persons })}</span>
              <button
                type="button"
                aria-label={t('chips.moveLabel', { id: caseId })}
                onClick={() => props.onChoose(caseId)}
              >
                {t('chips.move')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

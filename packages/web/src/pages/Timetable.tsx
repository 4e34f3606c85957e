/**
 * The timetable: movements on a Gantt chart and their loads (seats and baggage kg). A planner
 * chooses a movement, drags one of its cases onto another movement (bar or table row) and sees
 * the constraint check while dragging; a drop fills the move form, where the server checks again
 * and the planner confirms with a reason.
 */
import { useState, type DragEvent } from 'react';
import { CaseChips } from '../components/CaseChips.js';
import { Gantt, type DropState } from '../components/Gantt.js';
import { MoveCase, type MoveProposal } from '../components/MoveCase.js';
import { ErrorNote, Link, LoadBar, Loading, Panel, TableScroll } from '../components/ui.js';
import { dropFindings, type DraggedCase } from '../lib/drag-case.js';
import { loadOf, plannedKgPerPerson, type Load } from '../lib/loads.js';
import type { MovementList } from '../lib/types.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { useTimetable } from '../lib/use-timetable.js';

/** The timetable page. */
export function Timetable() {
  const { can } = useSession();
  const movements = useApi<MovementList>('/api/movements');
  const timetable = useTimetable();
  const [selected, setSelected] = useState<string | null>(null);
  const [drag, setDrag] = useState<DraggedCase | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [proposal, setProposal] = useState<MoveProposal | null>(null);
  const hasTimetable = timetable.available;
  if (movements.error) return <ErrorNote error={movements.error} />;
  if (!movements.data || (hasTimetable && timetable.loading && !timetable.data)) return <Loading />;
  const byId = new Map(timetable.data?.map((t) => [t.id, t]));
  const list = [...movements.data.movements].sort((a, b) => a.departAt.localeCompare(b.departAt));
  const loads = new Map<string, Load>(list.map((m) => [m.id, loadOf(m, byId.get(m.id))]));
  const estimated = [...loads.values()].some((l) => l.kgEstimated && l.persons > 0);
  const mayMove = can('plan.reassign') && Boolean(timetable.data);
  const chosen = selected ? byId.get(selected) : undefined;

  const findingsFor = (movementId: string) => {
    const m = list.find((x) => x.id === movementId);
    return drag && m ? dropFindings(drag, m, loads.get(m.id)) : [];
  };
  const dropState = (movementId: string): DropState => {
    if (!drag) return undefined;
    return findingsFor(movementId).every((f) => f.ok) ? 'ok' : 'bad';
  };
  const dragOver = (movementId: string, e: DragEvent) => {
    if (dropState(movementId) !== 'ok') return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  };
  const drop = (movementId: string) => {
    if (drag && dropState(movementId) === 'ok')
      setProposal({ caseId: drag.caseId, target: movementId, n: (proposal?.n ?? 0) + 1 });
    setDrag(null);
    setOver(null);
  };
  const overFindings = over ? findingsFor(over) : [];
  const moveActions = mayMove
    ? {
        selected,
        over,
        onSelect: setSelected,
        dropState,
        onDragEnter: setOver,
        onDragLeave: (id: string) => setOver((now) => (now === id ? null : now)),
        onDrop: drop,
      }
    : {};

  return (
    <div className="grid">
      <Panel title="Movements over time" wide>
        {!hasTimetable && <p className="muted">No current timetable: the loads are empty.</p>}
        <ErrorNote error={timetable.error} />
        <Gantt
          movements={list}
          loads={loads}
          today={new Date().toISOString().slice(0, 10)}
          {...moveActions}
        />
        {drag && (
          <p className="drop-verdict" role="status" aria-live="polite">
            {!over
              ? `Dragging ${drag.caseId} (${drag.persons} people from ${drag.from}): green movements can take it.`
              : overFindings.every((f) => f.ok)
                ? `Drop ${drag.caseId} on ${over}: it fits.`
                : `${drag.caseId} cannot go on ${over}: ${overFindings
                    .filter((f) => !f.ok)
                    .map((f) => f.text)
                    .join('; ')}.`}
          </p>
        )}
      </Panel>
      {mayMove && (
        <Panel title="Cases on a movement" wide>
          {chosen ? (
            <CaseChips
              movement={chosen}
              dragging={drag?.caseId ?? null}
              onDragStart={setDrag}
              onDragEnd={() => {
                setDrag(null);
                setOver(null);
              }}
              onChoose={(caseId) => setProposal({ caseId, target: '', n: (proposal?.n ?? 0) + 1 })}
            />
          ) : (
            <p className="muted">Choose a movement in the chart to list its cases.</p>
          )}
        </Panel>
      )}
      {mayMove && (
        <Panel title="Move a case to another movement" wide>
          <MoveCase
            movements={list}
            timetable={timetable.data!}
            proposal={proposal}
            onMoved={() => timetable.reload()}
          />
        </Panel>
      )}
      <Panel title="Loads" wide>
        {estimated && (
          <p className="muted">
            Baggage is estimated at {plannedKgPerPerson} kg per person, as the timetable model
            reserves it.
          </p>
        )}
        <TableScroll>
          <table aria-label="Movements and their loads">
            <thead>
              <tr>
                <th scope="col">Movement</th>
                <th scope="col">Departs</th>
                <th scope="col">Kind</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Cases</th>
                <th scope="col">Seats</th>
                <th scope="col">Baggage</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => {
                const load = loads.get(m.id)!;
                const state = dropState(m.id);
                return (
                  <tr
                    key={m.id}
                    data-movement-row={m.id}
                    className={state ? `drop-${state}` : undefined}
                    {...(mayMove
                      ? {
                          onDragEnter: () => setOver(m.id),
                          onDragOver: (e: DragEvent) => dragOver(m.id, e),
                          onDrop: (e: DragEvent) => {
                            e.preventDefault();
                            drop(m.id);
                          },
                        }
                      : {})}
                  >
                    <td>
                      <Link to={`/movement-day?movement=${m.id}`}>{m.id}</Link>
                    </td>
                    <td>{m.departAt.slice(0, 16).replace('T', ' ')}</td>
                    <td>{m.kind}</td>
                    <td>
                      {m.destinationId ?? '–'} {m.arrivalAirport ?? ''}
                    </td>
                    <td>{m.status}</td>
                    <td>{byId.get(m.id)?.cases.length ?? '–'}</td>
                    <td>
                      <LoadBar
                        label={`${m.id} seats`}
                        used={load.persons}
                        capacity={load.seats}
                        unit="seats"
                      />
                    </td>
                    <td>
                      <LoadBar
                        label={`${m.id} baggage`}
                        used={load.kg}
                        capacity={load.baggageKg}
                        unit="kg"
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </Panel>
    </div>
  );
}

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
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import { dropFindings, type DraggedCase } from '../lib/drag-case.js';
import { loadOf, plannedKgPerPerson, type Load } from '../lib/loads.js';
import type { MovementList } from '../lib/types.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { useTimetable } from '../lib/use-timetable.js';

/** The timetable page. */
export function Timetable() {
  const t = useT();
  const { number, dateTime } = useNumbers();
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
  const byId = new Map(timetable.data?.map((m) => [m.id, m]));
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
      <Panel title={t('timetable.overTime')} wide>
        {!hasTimetable && <p className="muted">{t('timetable.none')}</p>}
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
              ? t('timetable.dragging', {
                  id: drag.caseId,
                  persons: drag.persons,
                  from: drag.from,
                })
              : overFindings.every((f) => f.ok)
                ? t('timetable.dropFits', { id: drag.caseId, on: over })
                : t('timetable.dropRefused', {
                    id: drag.caseId,
                    on: over,
                    why: overFindings
                      .filter((f) => !f.ok)
                      .map((f) => f.text)
                      .join('; '),
                  })}
          </p>
        )}
      </Panel>
      {mayMove && (
        <Panel title={t('timetable.cases')} wide>
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
            <p className="muted">{t('timetable.choose')}</p>
          )}
        </Panel>
      )}
      {mayMove && (
        <Panel title={t('timetable.move')} wide>
          <MoveCase
            movements={list}
            timetable={timetable.data!}
            proposal={proposal}
            onMoved={() => timetable.reload()}
          />
        </Panel>
      )}
      <Panel title={t('timetable.loads')} wide>
        {estimated && (
          <p className="muted">{t('timetable.estimated', { kg: plannedKgPerPerson })}</p>
        )}
        <TableScroll>
          <table aria-label={t('timetable.loadsTable')}>
            <thead>
              <tr>
                <th scope="col">{t('col.movement')}</th>
                <th scope="col">{t('col.departs')}</th>
                <th scope="col">{t('col.kind')}</th>
                <th scope="col">{t('col.to')}</th>
                <th scope="col">{t('col.status')}</th>
                <th scope="col">{t('col.cases')}</th>
                <th scope="col">{t('col.seats')}</th>
                <th scope="col">{t('col.baggage')}</th>
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
                      <Link to={`/movement-day?movement=${m.id}`}>
                        <bdi>{m.id}</bdi>
                      </Link>
                    </td>
                    <td>
                      <bdi>{dateTime(m.departAt)}</bdi>
                    </td>
                    <td>{t('movementKind', codeOf(m.kind))}</td>
                    <td>
                      <bdi>
                        {m.destinationId ?? '–'} {m.arrivalAirport ?? ''}
                      </bdi>
                    </td>
                    <td>{t('movementStatus', codeOf(m.status))}</td>
                    <td>{number(byId.get(m.id)?.cases.length)}</td>
                    <td>
                      <LoadBar
                        label={t('timetable.seatsOf', { id: m.id })}
                        used={load.persons}
                        capacity={load.seats}
                        unit={t('unit.seats')}
                      />
                    </td>
                    <td>
                      <LoadBar
                        label={t('timetable.baggageOf', { id: m.id })}
                        used={load.kg}
                        capacity={load.baggageKg}
                        unit={t('unit.kg')}
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

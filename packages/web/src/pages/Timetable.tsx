/** The timetable: movements on a Gantt chart and their loads (seats and baggage kg). */
import { Gantt } from '../components/Gantt.js';
import { MoveCase } from '../components/MoveCase.js';
import { ErrorNote, Link, LoadBar, Loading, Panel } from '../components/ui.js';
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
  const hasTimetable = timetable.available;
  if (movements.error) return <ErrorNote error={movements.error} />;
  if (!movements.data || (hasTimetable && timetable.loading)) return <Loading />;
  const byId = new Map(timetable.data?.map((t) => [t.id, t]));
  const list = [...movements.data.movements].sort((a, b) => a.departAt.localeCompare(b.departAt));
  const loads = new Map<string, Load>(list.map((m) => [m.id, loadOf(m, byId.get(m.id))]));
  const estimated = [...loads.values()].some((l) => l.kgEstimated && l.persons > 0);

  return (
    <div className="grid">
      <Panel title="Movements over time" wide>
        {!hasTimetable && <p className="muted">No current timetable: the loads are empty.</p>}
        <ErrorNote error={timetable.error} />
        <Gantt movements={list} loads={loads} today={new Date().toISOString().slice(0, 10)} />
      </Panel>
      {can('POST /api/cases/:id/lock') && timetable.data && (
        <Panel title="Move a case to another movement" wide>
          <MoveCase movements={list} timetable={timetable.data} loads={loads} />
        </Panel>
      )}
      <Panel title="Loads" wide>
        {estimated && (
          <p className="muted">
            Baggage is estimated at {plannedKgPerPerson} kg per person, as the timetable model
            reserves it.
          </p>
        )}
        <div className="table-scroll">
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
                return (
                  <tr key={m.id} data-movement-row={m.id}>
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
        </div>
      </Panel>
    </div>
  );
}

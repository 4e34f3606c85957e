/** The operation at a glance: headline numbers, burndown, map, hazard, next movements, open decisions. */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Chart, preloadChart, type ChartOption } from '../components/Chart.js';
import { HazardChart } from '../components/HazardChart.js';
import { ExpiringDocuments } from '../components/Procedures.js';
import { ErrorNote, GatedPanel, Link, Loading, Panel, Stat } from '../components/ui.js';
import type { MapDestination } from '../components/WorldMap.js';
import { OutcomePanel } from '../components/Outcome.js';
import { burndown } from '../lib/burndown.js';
import { personsAtRisk, personsMoved } from '../lib/status.js';
import { useSession } from '../lib/session.js';
import type {
  DestinationRow,
  DuplicatePair,
  HazardDay,
  MovementList,
  OperationStatus,
  PlanHeader,
  TimetableMovement,
} from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { useTimetable } from '../lib/use-timetable.js';

// The map (d3-geo and the world atlas, about 45 KB compressed) and echarts are chunks of their
// own: the page starts fetching them as it opens, alongside its data, and draws its numbers first.
const loadWorldMap = () => import('../components/WorldMap.js');
const WorldMap = lazy(() => loadWorldMap().then((m) => ({ default: m.WorldMap })));

const today = () => new Date().toISOString().slice(0, 10);

/** The dashboard page. */
export function Dashboard() {
  useEffect(() => {
    void loadWorldMap();
    preloadChart();
  }, []);
  const { can } = useSession();
  const status = useApi<OperationStatus>('/api/status');
  const movements = useApi<MovementList>(can('movement.read') ? '/api/movements' : null);
  const timetable = useTimetable();
  const destinations = useApi<DestinationRow[]>(
    can('registry.readDestinations') ? '/api/destinations' : null,
  );
  const plans = useApi<PlanHeader[]>(can('plan.read') ? '/api/plans' : null);
  const hazard = useApi<HazardDay[]>(can('incident.read') ? '/api/hazard' : null);
  const dedup = useApi<DuplicatePair[]>(
    can('registry.readDuplicates') ? '/api/dedup?status=open' : null,
  );
  const conflicts = useApi<unknown[]>(
    can('movement.readCheckin') ? '/api/checkin/conflicts' : null,
  );
  const incidents = useApi<{ lat: number | null; lon: number | null }[]>(
    can('incident.read') ? '/api/incidents' : null,
  );

  if (status.error) return <ErrorNote error={status.error} />;
  if (!status.data) return <Loading />;
  const s = status.data;
  const allocation = plans.data?.find((p) => p.kind === 'allocation' && p.status === 'current');
  const schedule = plans.data?.find(
    (p) => (p.kind === 'timetable' || p.kind === 'joint') && p.status === 'current',
  );

  return (
    <div className="grid">
      <Panel title={s.operation.name} wide>
        <p className="muted">
          Window {s.operation.windowStart} to {s.operation.windowEnd}
          {s.operation.isDemo ? ' · synthetic demo data' : ''}
        </p>
        <div className="stats">
          <Stat name="persons" label="people registered" value={s.persons} />
          <Stat name="atRisk" label="still in the camp" value={personsAtRisk(s)} />
          <Stat name="moved" label="moved out" value={personsMoved(s)} />
          <Stat name="households" label="households" value={s.households} />
          <Stat name="destinations" label="host countries" value={s.destinations} />
          <Stat name="pledgedPersons" label="places pledged" value={s.pledgedPersons} />
          <Stat
            name="personsWithMedicalNeeds"
            label="with medical needs"
            value={s.personsWithMedicalNeeds}
          />
          <Stat name="medicalPlaces" label="medical places" value={s.medicalPlaces} />
          <Stat name="openDuplicates" label="duplicate pairs to decide" value={s.openDuplicates} />
        </div>
      </Panel>
      <Panel title="People still at risk over time">
        <BurndownChart status={s} timetable={timetable.data} available={timetable.available} />
      </Panel>
      {schedule && (
        <Panel title="What happened against the plan">
          <OutcomePanel />
        </Panel>
      )}
      <Panel title="Departures by destination">
        {destinations.data ? (
          <Suspense fallback={<Loading />}>
            <WorldMap
              destinations={mapDestinations(destinations.data, allocation, timetable.data)}
              origin={campOf(incidents.data)}
            />
          </Suspense>
        ) : (
          <Loading />
        )}
      </Panel>
      <GatedPanel permission="incident.read" title="Hazard at the camp">
        {hazard.data ? <HazardChart days={hazard.data} /> : <Loading />}
        {typeof schedule?.summary.exposure === 'number' && (
          <p data-testid="exposure">
            Exposure of the current timetable:{' '}
            <strong>{Math.round(schedule.summary.exposure).toLocaleString('en')}</strong> expected
            person-incident-days before departure
            {typeof schedule.summary.exposureRatioToFirstReady === 'number' &&
              ` (${Math.round(100 * schedule.summary.exposureRatioToFirstReady)}% of first-ready-first-served)`}
            .
          </p>
        )}
      </GatedPanel>
      <Panel title="Next movements">
        <NextMovements movements={movements.data} timetable={timetable.data} />
      </Panel>
      <GatedPanel permission="procedure.read" title="Documents expiring within 60 days">
        <ExpiringDocuments days={60} />
      </GatedPanel>
      <Panel title="Open decisions">
        <ul className="decisions">
          <li data-decision="duplicates">
            <strong>{s.openDuplicates}</strong> possible duplicate registrations to review
            {dedup.data && dedup.data.length > 0 && (
              <span className="muted">
                {' '}
                (first: pair {dedup.data[0]!.id}, {dedup.data[0]!.a} / {dedup.data[0]!.b})
              </span>
            )}
          </li>
          {conflicts.data && (
            <li data-decision="checkin-conflicts">
              <strong>{conflicts.data.length}</strong> people whose check-in stations disagree
            </li>
          )}
          <li data-decision="unplaced-allocation">
            <strong>{num(allocation?.summary.unplaced)}</strong> cases without a destination in the
            current allocation
          </li>
          <li data-decision="unplaced-timetable">
            <strong>{num(schedule?.summary.unplaced)}</strong> cases without a movement in the
            current timetable
          </li>
          <li data-decision="registered">
            <strong>{s.byStatus.registered ?? 0}</strong> cases registered and awaiting verification
          </li>
          <li data-decision="on-hold">
            <strong>{s.byStatus['on-hold'] ?? 0}</strong> cases on hold
          </li>
        </ul>
        <p>
          <Link to="/planning">Go to planning</Link>
        </p>
      </Panel>
    </div>
  );
}

function num(v: unknown): string {
  return typeof v === 'number' ? v.toLocaleString('en') : '–';
}

function campOf(incidents: { lat: number | null; lon: number | null }[] | undefined) {
  const i = incidents?.find((x) => x.lat !== null && x.lon !== null);
  return i ? ([i.lon!, i.lat!] as [number, number]) : undefined;
}

function mapDestinations(
  destinations: DestinationRow[],
  allocation: PlanHeader | undefined,
  timetable: TimetableMovement[] | undefined,
): MapDestination[] {
  const byDestination = (allocation?.summary.byDestination ?? {}) as Record<
    string,
    { persons?: number }
  >;
  return destinations.map((d) => ({
    id: d.id,
    country: d.country,
    name: d.name,
    planned: byDestination[d.id]?.persons ?? 0,
    departed: (timetable ?? [])
      .filter(
        (m) => m.destinationId === d.id && (m.status === 'departed' || m.status === 'arrived'),
      )
      .reduce((n, m) => n + m.persons, 0),
  }));
}

function BurndownChart(props: {
  status: OperationStatus;
  timetable: TimetableMovement[] | undefined;
  available: boolean;
}) {
  const option = useMemo((): ChartOption | null => {
    if (!props.timetable) return null;
    const s = props.status;
    const total = personsAtRisk(s) + personsMoved(s);
    const b = burndown(total, s.operation.windowStart, props.timetable, today());
    return {
      grid: { left: 50, right: 16, top: 40, bottom: 30 },
      legend: { data: ['planned', 'actual'], top: 0, right: 0 },
      color: ['#0b5cad', '#a4161a'],
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: 'people', min: 0 },
      series: [
        {
          name: 'planned',
          type: 'line',
          step: 'end',
          symbol: 'none',
          data: b.planned.map((p) => [p.day, p.atRisk]),
        },
        {
          name: 'actual',
          type: 'line',
          step: 'end',
          symbolSize: 6,
          lineStyle: { width: 3 },
          data: b.actual.map((p) => [p.day, p.atRisk]),
        },
      ],
    };
  }, [props.status, props.timetable]);
  if (!props.available)
    return <p className="muted">No timetable yet: run the timetable to see the planned line.</p>;
  if (!option) return <Loading />;
  return (
    <Chart
      name="burndown"
      option={option}
      label="People still in the camp over time: planned from the current timetable, actual from departed movements"
    />
  );
}

function NextMovements(props: {
  movements: MovementList | undefined;
  timetable: TimetableMovement[] | undefined;
}) {
  if (!props.movements) return <Loading />;
  const persons = new Map(props.timetable?.map((m) => [m.id, m.persons]));
  const next = props.movements.movements
    .filter((m) => m.status === 'planned' || m.status === 'confirmed')
    .sort((a, b) => a.departAt.localeCompare(b.departAt))
    .slice(0, 6);
  if (next.length === 0) return <p className="muted">No movement ahead.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Movement</th>
          <th scope="col">Departs</th>
          <th scope="col">To</th>
          <th scope="col">People / seats</th>
        </tr>
      </thead>
      <tbody>
        {next.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={`/movement-day?movement=${m.id}`}>{m.id}</Link>
            </td>
            <td>{m.departAt.slice(0, 16).replace('T', ' ')}</td>
            <td>{m.destinationId ?? '–'}</td>
            <td>
              {persons.get(m.id) ?? '–'} / {m.seats}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

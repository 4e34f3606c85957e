/** The operation at a glance: headline numbers, burndown, map, hazard, next movements, open decisions. */
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { Chart, preloadChart, type ChartOption } from '../components/Chart.js';
import { HazardChart } from '../components/HazardChart.js';
import { ExpiringDocuments } from '../components/Procedures.js';
import { ErrorNote, GatedPanel, Link, Loading, Panel, Stat } from '../components/ui.js';
import type { MapDestination } from '../components/WorldMap.js';
import { OutcomePanel } from '../components/Outcome.js';
import { withMessages } from '../i18n/messages.js';
import { T, useNumbers, useT } from '../i18n/use-t.js';
import worldMapMessages from 'virtual:catalogue/components/WorldMap.tsx';
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
// The map's chunk comes with its own messages (split-messages.ts).
const loadWorldMap = () => withMessages(import('../components/WorldMap.js'), worldMapMessages);
const WorldMap = lazy(() => loadWorldMap().then((m) => ({ default: m.WorldMap })));

const today = () => new Date().toISOString().slice(0, 10);

/** The dashboard page. */
export function Dashboard() {
  const t = useT();
  const { number, digits } = useNumbers();
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
          <T
            id={s.operation.isDemo ? 'dashboard.windowDemo' : 'dashboard.window'}
            values={{
              start: <bdi>{digits(s.operation.windowStart)}</bdi>,
              end: <bdi>{digits(s.operation.windowEnd)}</bdi>,
            }}
          />
        </p>
        <div className="stats">
          <Stat name="persons" label={t('dashboard.stat.persons')} value={s.persons} />
          <Stat name="atRisk" label={t('dashboard.stat.atRisk')} value={personsAtRisk(s)} />
          <Stat name="moved" label={t('dashboard.stat.moved')} value={personsMoved(s)} />
          <Stat name="households" label={t('dashboard.stat.households')} value={s.households} />
          <Stat
            name="destinations"
            label={t('dashboard.stat.destinations')}
            value={s.destinations}
          />
          <Stat
            name="pledgedPersons"
            label={t('dashboard.stat.pledged')}
            value={s.pledgedPersons}
          />
          <Stat
            name="personsWithMedicalNeeds"
            label={t('dashboard.stat.medicalNeeds')}
            value={s.personsWithMedicalNeeds}
          />
          <Stat
            name="medicalPlaces"
            label={t('dashboard.stat.medicalPlaces')}
            value={s.medicalPlaces}
          />
          <Stat
            name="openDuplicates"
            label={t('dashboard.stat.duplicates')}
            value={s.openDuplicates}
          />
        </div>
      </Panel>
      <Panel title={t('dashboard.burndown')}>
        <BurndownChart status={s} timetable={timetable.data} available={timetable.available} />
      </Panel>
      {schedule && (
        <Panel title={t('dashboard.outcome')}>
          <OutcomePanel />
        </Panel>
      )}
      <Panel title={t('dashboard.departures')}>
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
      <GatedPanel permission="incident.read" title={t('dashboard.hazard')}>
        {hazard.data ? <HazardChart days={hazard.data} /> : <Loading />}
        {typeof schedule?.summary.exposure === 'number' && (
          <p data-testid="exposure">
            <T
              id={
                typeof schedule.summary.exposureRatioToFirstReady === 'number'
                  ? 'dashboard.exposureRatio'
                  : 'dashboard.exposure'
              }
              values={{
                days: Math.round(schedule.summary.exposure),
                ratio:
                  typeof schedule.summary.exposureRatioToFirstReady === 'number'
                    ? schedule.summary.exposureRatioToFirstReady
                    : 0,
                b: (chunks) => <strong>{chunks}</strong>,
              }}
            />
          </p>
        )}
      </GatedPanel>
      <Panel title={t('dashboard.nextMovements')}>
        <NextMovements movements={movements.data} timetable={timetable.data} />
      </Panel>
      <GatedPanel permission="procedure.read" title={t('dashboard.expiring')}>
        <ExpiringDocuments days={60} />
      </GatedPanel>
      <Panel title={t('dashboard.decisions')}>
        <ul className="decisions">
          <li data-decision="duplicates">
            <T id="dashboard.decision.duplicates" values={{ count: s.openDuplicates, b: bold }} />
            {dedup.data && dedup.data.length > 0 && (
              <span className="muted">
                {' '}
                <T
                  id="dashboard.decision.firstPair"
                  values={{
                    pair: <bdi>{dedup.data[0]!.id}</bdi>,
                    a: <bdi>{dedup.data[0]!.a}</bdi>,
                    b: <bdi>{dedup.data[0]!.b}</bdi>,
                  }}
                />
              </span>
            )}
          </li>
          {conflicts.data && (
            <li data-decision="checkin-conflicts">
              <T
                id="dashboard.decision.conflicts"
                values={{ count: conflicts.data.length, b: bold }}
              />
            </li>
          )}
          <li data-decision="unplaced-allocation">
            <T
              id="dashboard.decision.unplacedAllocation"
              values={{ count: number(count(allocation?.summary.unplaced)), b: bold }}
            />
          </li>
          <li data-decision="unplaced-timetable">
            <T
              id="dashboard.decision.unplacedTimetable"
              values={{ count: number(count(schedule?.summary.unplaced)), b: bold }}
            />
          </li>
          <li data-decision="registered">
            <T
              id="dashboard.decision.registered"
              values={{ count: s.byStatus.registered ?? 0, b: bold }}
            />
          </li>
          <li data-decision="on-hold">
            <T
              id="dashboard.decision.onHold"
              values={{ count: s.byStatus['on-hold'] ?? 0, b: bold }}
            />
          </li>
        </ul>
        <p>
          <Link to="/planning">{t('dashboard.toPlanning')}</Link>
        </p>
      </Panel>
    </div>
  );
}

const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

function count(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
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
  const t = useT();
  const option = useMemo((): ChartOption | null => {
    if (!props.timetable) return null;
    const s = props.status;
    const total = personsAtRisk(s) + personsMoved(s);
    const b = burndown(total, s.operation.windowStart, props.timetable, today());
    return {
      grid: { left: 50, right: 16, top: 40, bottom: 30 },
      legend: { data: [t('chart.planned'), t('chart.actual')], top: 0, right: 0 },
      color: ['#0b5cad', '#a4161a'],
      xAxis: { type: 'time' },
      yAxis: { type: 'value', name: t('chart.people'), min: 0 },
      series: [
        {
          name: t('chart.planned'),
          type: 'line',
          step: 'end',
          symbol: 'none',
          data: b.planned.map((p) => [p.day, p.atRisk]),
        },
        {
          name: t('chart.actual'),
          type: 'line',
          step: 'end',
          symbolSize: 6,
          lineStyle: { width: 3 },
          data: b.actual.map((p) => [p.day, p.atRisk]),
        },
      ],
    };
  }, [props.status, props.timetable, t]);
  if (!props.available) return <p className="muted">{t('dashboard.noTimetable')}</p>;
  if (!option) return <Loading />;
  return <Chart name="burndown" option={option} label={t('dashboard.burndownLabel')} />;
}

function NextMovements(props: {
  movements: MovementList | undefined;
  timetable: TimetableMovement[] | undefined;
}) {
  const t = useT();
  const { number, dateTime } = useNumbers();
  if (!props.movements) return <Loading />;
  const persons = new Map(props.timetable?.map((m) => [m.id, m.persons]));
  const next = props.movements.movements
    .filter((m) => m.status === 'planned' || m.status === 'confirmed')
    .sort((a, b) => a.departAt.localeCompare(b.departAt))
    .slice(0, 6);
  if (next.length === 0) return <p className="muted">{t('dashboard.noMovementAhead')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('col.movement')}</th>
          <th scope="col">{t('col.departs')}</th>
          <th scope="col">{t('col.to')}</th>
          <th scope="col">{t('col.peopleSeats')}</th>
        </tr>
      </thead>
      <tbody>
        {next.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={`/movement-day?movement=${m.id}`}>
                <bdi>{m.id}</bdi>
              </Link>
            </td>
            <td>
              <bdi>{dateTime(m.departAt)}</bdi>
            </td>
            <td>
              <bdi>{m.destinationId ?? '–'}</bdi>
            </td>
            <td>
              <bdi>
                {number(persons.get(m.id))} / {number(m.seats)}
              </bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Movement day: one movement's manifest and a big-button check-in for a tablet, counts live. */
import { useEffect, useState } from 'react';
import { MovementMessages } from '../components/Messages.js';
import { DeskFromDevice, DeviceDesk } from '../components/OfflineDesk.js';
import { SlipScan } from '../components/SlipScan.js';
import { ErrorNote, Loading, NotAvailable, Panel, Stat, TableScroll } from '../components/ui.js';
import { api, ApiError, isOffline } from '../lib/api.js';
import {
  checkinCounts,
  checkinRows,
  checkinStatuses,
  nameOf,
  type CheckinRow,
  type CheckinStatus,
} from '../lib/checkin.js';
import { navigate, useLocation } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import type { MovementList, Standby } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { useTimetable } from '../lib/use-timetable.js';
import { queueRecord } from '../offline/queue.js';

const labels: Record<CheckinStatus, string> = {
  'checked-in': 'Checked in',
  boarded: 'Boarded',
  'no-show': 'No-show',
  arrived: 'Arrived',
};
const formats = ['pdf', 'csv', 'xlsx', 'json', 'paxlst'] as const;

/** The movement-day page; `?movement=ID` chooses the movement. */
export function MovementDay() {
  const { can, me } = useSession();
  const { params } = useLocation();
  const movements = useApi<MovementList>('/api/movements');
  if (movements.error)
    return (
      <>
        <ErrorNote error={movements.error} />
        {isOffline(movements.error) && can('movement.checkin') && (
          <Panel title="Offline desk" wide>
            <DeskFromDevice />
          </Panel>
        )}
      </>
    );
  if (!movements.data) return <Loading />;
  const list = [...movements.data.movements].sort((a, b) => a.departAt.localeCompare(b.departAt));
  const chosen =
    params.get('movement') ??
    list.find((m) => m.status === 'planned' || m.status === 'confirmed')?.id ??
    list[0]?.id;
  const movement = list.find((m) => m.id === chosen);
  return (
    <div className="grid">
      <Panel title="Movement" wide>
        <div className="row">
          <div>
            <label htmlFor="movement">Movement</label>
            <select
              id="movement"
              value={chosen ?? ''}
              onChange={(e) => navigate(`/movement-day?movement=${e.target.value}`)}
            >
              {list.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id} · {m.departAt.slice(0, 16).replace('T', ' ')} → {m.destinationId ?? '–'} (
                  {m.status})
                </option>
              ))}
            </select>
          </div>
          {movement && can('movement.manifest') && (
            <div>
              <span className="muted">Manifest</span>
              <span className="row">
                {formats.map((f) => (
                  <a
                    key={f}
                    className="badge"
                    href={`/api/movements/${movement.id}/manifest?format=${f}`}
                    download
                  >
                    {f.toUpperCase()}
                  </a>
                ))}
              </span>
            </div>
          )}
          {movement && can('movement.checkin') && (
            <div>
              <span className="muted">Check-in slips</span>
              <span className="row">
                <a
                  className="badge"
                  href={`/api/movements/${movement.id}/slips`}
                  download
                  aria-label={`PDF: check-in slips with QR codes of ${movement.id}`}
                >
                  PDF
                </a>
              </span>
            </div>
          )}
        </div>
        {movement && (
          <p className="muted">
            {movement.kind} from {movement.origin} to {movement.destinationId ?? '–'}{' '}
            {movement.arrivalAirport ?? ''}, departs {movement.departAt} ({movement.timezone}),{' '}
            {movement.seats} seats, {movement.baggageKg} kg baggage, {movement.status}.
          </p>
        )}
      </Panel>
      {movement &&
        (can('movement.readCheckin') ? (
          <Checkin movementId={movement.id} key={movement.id} person={params.get('person')} />
        ) : (
          <Booked movementId={movement.id} />
        ))}
      {can('movement.checkin') && (
        <DeviceDesk me={me} movements={movements.data.movements} open={movement?.id ?? null} />
      )}
      {movement && <MovementMessages movementId={movement.id} key={`msg-${movement.id}`} />}
    </div>
  );
}

function Booked(props: { movementId: string }) {
  const timetable = useTimetable();
  const m = timetable.data?.find((t) => t.id === props.movementId);
  return (
    <Panel title="Check-in" wide>
      <NotAvailable what="Check-in" />
      {m && (
        <p>
          Booked: {m.persons} people in {m.cases.length} cases ({m.cases.join(', ')}).
        </p>
      )}
    </Panel>
  );
}

function Checkin(props: { movementId: string; person: string | null }) {
  const { can } = useSession();
  const path = `/api/movements/${props.movementId}/checkin`;
  const data = useApi<unknown>(path, 5000);
  const [filter, setFilter] = useState(props.person ?? '');
  // The passenger a scanned slip opened: shown alone, scrolled to and focused.
  const [scanned, setScanned] = useState<string | null>(props.person);
  const [error, setError] = useState<ApiError | undefined>();
  const [overrides, setOverrides] = useState<Record<string, CheckinStatus>>({});
  const mayRecord = can('movement.checkin');
  const rows = checkinRows(data.data).map((r) =>
    overrides[r.personId] ? { ...r, status: overrides[r.personId]! } : r,
  );
  const counts = checkinCounts(rows);
  // The server sends names with the list, only to roles that may see them.
  const nameFor = nameOf;
  const record = async (r: CheckinRow, status: CheckinStatus) => {
    setError(undefined);
    setOverrides((o) => ({ ...o, [r.personId]: status }));
    try {
      await api('/api/checkin', {
        method: 'POST',
        body: { movementId: props.movementId, personId: r.personId, status },
      });
      data.reload();
    } catch (err) {
      // No connection: the record goes to the device's log (sent later through the merge).
      if (
        isOffline(err) &&
        (await queueRecord({ movementId: props.movementId, personId: r.personId, status }))
      ) {
        setError(
          err instanceof ApiError
            ? new ApiError(
                0,
                'offline',
                'Offline: kept on this device, sent when the connection is back.',
              )
            : undefined,
        );
        return;
      }
      setOverrides((o) => {
        const { [r.personId]: _, ...rest } = o;
        return rest;
      });
      if (err instanceof ApiError) setError(err);
    }
  };
  const found = scanned !== null && rows.some((r) => r.personId === scanned);
  useEffect(() => {
    if (!found || scanned === null) return;
    const row = document.querySelector<HTMLElement>(`[data-person="${CSS.escape(scanned)}"]`);
    row?.scrollIntoView({ block: 'center' });
    (row?.querySelector<HTMLElement>('button') ?? row)?.focus();
  }, [found, scanned]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? rows.filter((r) =>
        [r.personId, r.householdId, nameFor(r) ?? ''].some((s) => s.toLowerCase().includes(needle)),
      )
    : rows;

  return (
    <>
      <Panel title="Counts" wide>
        <div className="counts" aria-live="polite">
          <Stat name="booked" label="booked" value={counts.booked} />
          <Stat name="pending" label="not yet seen" value={counts.pending} />
          <Stat name="checked-in" label="checked in" value={counts['checked-in']} />
          <Stat name="boarded" label="boarded" value={counts.boarded} />
          <Stat name="no-show" label="no-show" value={counts['no-show']} />
          <Stat name="arrived" label="arrived" value={counts.arrived} />
          {counts.conflict ? (
            <Stat name="conflict" label="stations disagree" value={counts.conflict} />
          ) : null}
        </div>
      </Panel>
      <Panel title="Check-in" wide>
        <ErrorNote error={data.error ?? error} />
        {can('movement.checkin') && (
          <SlipScan
            movementId={props.movementId}
            onPerson={(personId) => {
              setFilter(personId);
              setScanned(personId);
            }}
          />
        )}
        <label htmlFor="find-person">Find a person (number, case or name)</label>
        <input
          id="find-person"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setScanned(null);
          }}
          className="wide-input"
        />
        {!data.data && <Loading />}
        {scanned !== null && data.data !== undefined && !found && (
          <p className="error" role="alert">
            <bdi>{scanned}</bdi> is not booked on <bdi>{props.movementId}</bdi>.
          </p>
        )}
        <ul className="checkin-list" aria-label="People booked on this movement">
          {shown.map((r) => (
            <li
              key={r.personId}
              className={r.personId === scanned ? 'checkin-person scanned' : 'checkin-person'}
              data-person={r.personId}
              tabIndex={-1}
            >
              <span className="who-line">
                <strong>{nameFor(r) ?? r.personId}</strong>
                {nameFor(r) ? <span className="muted"> {r.personId}</span> : null}
                <br />
                <span className="muted">
                  case {r.householdId}
                  {r.isHead ? ', head' : ''} · <span data-testid="checkin-status">{r.status}</span>
                  {r.station ? ` at ${r.station}` : ''}
                </span>
              </span>
              {mayRecord &&
                checkinStatuses.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className="big"
                    aria-pressed={r.status === s}
                    aria-label={`${labels[s]}: ${r.personId}`}
                    onClick={() => void record(r, s)}
                  >
                    {labels[s]}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      </Panel>
      <StandbyPanel movementId={props.movementId} onMoved={data.reload} />
    </>
  );
}

/**
 * The standby list (`GET /api/movements/:id/standby`): asked for when a seat is free, not polled.
 * A planner puts a case on the movement with the same move as the timetable's (a new plan
 * version, locked there); other roles see the list to call the family.
 */
function StandbyPanel(props: { movementId: string; onMoved: () => void }) {
  const { can } = useSession();
  const [asked, setAsked] = useState(false);
  const list = useApi<Standby>(
    asked ? `/api/movements/${encodeURIComponent(props.movementId)}/standby?limit=10` : null,
  );
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const put = async (caseId: string) => {
    setError(undefined);
    setDone(null);
    try {
      await api('/api/timetable/move', {
        method: 'POST',
        body: {
          case: caseId,
          movementId: props.movementId,
          reason: `standby: fills a free seat on ${props.movementId} on the day`,
        },
      });
      setDone(`${caseId} is now on ${props.movementId}.`);
      list.reload();
      props.onMoved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const s = list.data;
  return (
    <Panel title="Standby" wide>
      {!asked ? (
        <button type="button" onClick={() => setAsked(true)}>
          Who could fill a free seat?
        </button>
      ) : (
        <>
          <ErrorNote error={list.error ?? error} />
          {!s && !list.error && <Loading />}
          {done && <p className="ok">{done}</p>}
          {s && (
            <p data-testid="standby-head">
              {s.seatsFree} {s.seatsFree === 1 ? 'seat' : 'seats'} free · {s.total} cases could fill
              one (ready, same destination, documents valid on {s.day}). Left off:{' '}
              {s.excluded.documents} without a valid travel document, {s.excluded.notReady} not
              ready, {s.excluded.pastLatest} past their last day, {s.excluded.locked} locked
              elsewhere.
            </p>
          )}
          {s && s.candidates.length > 0 && (
            <TableScroll>
              <table aria-label="Standby list">
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Persons</th>
                    <th scope="col">Now on</th>
                    <th scope="col">Exposure saved</th>
                    <th scope="col">Fits now</th>
                    {can('plan.reassign') && <th scope="col">Action</th>}
                  </tr>
                </thead>
                <tbody>
                  {s.candidates.map((c) => (
                    <tr key={c.case} data-standby={c.case}>
                      <td>
                        <bdi>{c.case}</bdi>
                      </td>
                      <td>{c.persons}</td>
                      <td>{c.from ? `${c.from} (${c.fromDay})` : 'no movement yet'}</td>
                      <td>{c.exposureSaved.toFixed(2)}</td>
                      <td>{c.fits ? 'yes' : 'no: the household travels whole'}</td>
                      {can('plan.reassign') && (
                        <td>
                          <button type="button" disabled={!c.fits} onClick={() => void put(c.case)}>
                            Put on {props.movementId}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </Panel>
  );
}

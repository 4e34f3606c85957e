/** Movement day: one movement's manifest and a big-button check-in for a tablet, counts live. */
import { useEffect, useState } from 'react';
import { DocumentCheck } from '../components/DocumentCheck.js';
import { MovementMessages } from '../components/Messages.js';
import { DeskFromDevice, DeviceDesk, TogetherNote } from '../components/OfflineDesk.js';
import { SlipScan } from '../components/SlipScan.js';
import { ErrorNote, Loading, NotAvailable, Panel, Stat, TableScroll } from '../components/ui.js';
import { useLocaleChoice } from '../i18n/LocaleProvider.js';
import type { MessageId } from '../i18n/messages.js';
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
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
import { togetherVerdict, type TogetherVerdict } from '../lib/together.js';

const labels: Record<CheckinStatus, MessageId> = {
  'checked-in': 'checkin.checkedIn',
  boarded: 'checkin.boarded',
  'no-show': 'checkin.noShow',
  arrived: 'checkin.arrived',
};
const formats = ['pdf', 'csv', 'xlsx', 'json', 'paxlst'] as const;

/** The movement-day page; `?movement=ID` chooses the movement. */
export function MovementDay() {
  const { locale } = useLocaleChoice();
  const t = useT();
  const { dateTime, number } = useNumbers();
  const { can, me } = useSession();
  const { params } = useLocation();
  const movements = useApi<MovementList>('/api/movements');
  if (movements.error)
    return (
      <>
        <ErrorNote error={movements.error} />
        {isOffline(movements.error) && can('movement.checkin') && (
          <Panel title={t('offline.title')} wide>
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
      <Panel title={t('col.movement')} wide>
        <div className="row">
          <div>
            <label htmlFor="movement">{t('col.movement')}</label>
            <select
              id="movement"
              value={chosen ?? ''}
              onChange={(e) => navigate(`/movement-day?movement=${e.target.value}`)}
            >
              {list.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.id} · {dateTime(m.departAt)} → {m.destinationId ?? '–'} (
                  {t('movementStatus', codeOf(m.status))})
                </option>
              ))}
            </select>
          </div>
          {movement && can('movement.manifest') && (
            <div>
              <span className="muted">{t('movementDay.manifest')}</span>
              <span className="row">
                {formats.map((f) => (
                  <a
                    key={f}
                    className="badge"
                    href={`/api/movements/${movement.id}/manifest?format=${f}&lang=${locale}`}
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
              <span className="muted">{t('movementDay.slips')}</span>
              <span className="row">
                <a
                  className="badge"
                  href={`/api/movements/${movement.id}/slips?lang=${locale}`}
                  download
                  title={t('movementDay.slipsTitle', { id: movement.id })}
                >
                  PDF
                </a>
              </span>
            </div>
          )}
        </div>
        {movement && (
          <p className="muted">
            <T
              id="movementDay.summary"
              values={{
                kind: t('movementKind', codeOf(movement.kind)),
                from: () => <bdi>{movement.origin}</bdi>,
                to: () => (
                  <bdi>
                    {`${movement.destinationId ?? '–'} ${movement.arrivalAirport ?? ''}`.trim()}
                  </bdi>
                ),
                departs: dateTime(movement.departAt),
                timezone: () => <bdi>{movement.timezone}</bdi>,
                seats: number(movement.seats),
                kg: number(movement.baggageKg),
                status: t('movementStatus', codeOf(movement.status)),
              }}
            />
            {movement.specialSeats && Object.keys(movement.specialSeats).length > 0
              ? ` ${t('movementDay.special', {
                  places: Object.entries(movement.specialSeats)
                    .map(([kind, count]) =>
                      t('movementDay.specialPlace', {
                        count,
                        kind: t('specialSeat', codeOf(kind)),
                      }),
                    )
                    .join(', '),
                })}`
              : ''}
            {movement.carrier || movement.flightNumber || movement.arriveAt
              ? ` ${t('movementDay.carrier', {
                  carrier: movement.carrier ?? '–',
                  flight: movement.flightNumber ?? '–',
                  arrives: movement.arriveAt ? dateTime(movement.arriveAt) : '–',
                })}`
              : ''}
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
  const t = useT();
  const timetable = useTimetable();
  const m = timetable.data?.find((t) => t.id === props.movementId);
  return (
    <Panel title={t('movementDay.checkin')} wide>
      <NotAvailable what={t('movementDay.checkin')} />
      {m && (
        <p>
          {t('movementDay.booked', {
            persons: m.persons,
            cases: m.cases.length,
            ids: m.cases.join(', '),
          })}
        </p>
      )}
    </Panel>
  );
}

function Checkin(props: { movementId: string; person: string | null }) {
  const t = useT();
  const { can } = useSession();
  const path = `/api/movements/${props.movementId}/checkin`;
  const data = useApi<unknown>(path, 5000);
  const [filter, setFilter] = useState(props.person ?? '');
  // The passenger a scanned slip opened: shown alone, scrolled to and focused.
  const [scanned, setScanned] = useState<string | null>(props.person);
  const [error, setError] = useState<ApiError | undefined>();
  const [overrides, setOverrides] = useState<Record<string, CheckinStatus>>({});
  const [together, setTogether] = useState<Exclude<TogetherVerdict, { kind: 'ok' }> | null>(null);
  const mayRecord = can('movement.checkin');
  const rows = checkinRows(data.data).map((r) =>
    overrides[r.personId] ? { ...r, status: overrides[r.personId]! } : r,
  );
  const counts = checkinCounts(rows);
  // The server sends names with the list, only to roles that may see them.
  const nameFor = nameOf;
  const record = async (r: CheckinRow, status: CheckinStatus) => {
    setError(undefined);
    setTogether(null);
    setOverrides((o) => ({ ...o, [r.personId]: status }));
    try {
      await api('/api/checkin', {
        method: 'POST',
        body: { movementId: props.movementId, personId: r.personId, status },
      });
      data.reload();
    } catch (err) {
      // No connection: the record goes to the device's log (sent later through the merge),
      // under the boarding safeguard the server would have applied.
      const verdict = isOffline(err) ? togetherVerdict(rows, r.personId, status) : null;
      setTogether(verdict && verdict.kind !== 'ok' ? verdict : null);
      if (
        verdict?.kind !== 'refuse' &&
        isOffline(err) &&
        (await queueRecord({ movementId: props.movementId, personId: r.personId, status }))
      ) {
        setError(
          err instanceof ApiError
            ? new ApiError(
                0,
                'offline-kept',
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
      <Panel title={t('movementDay.counts')} wide>
        <div className="counts" aria-live="polite">
          <Stat name="booked" label={t('movementDay.count.booked')} value={counts.booked} />
          <Stat name="pending" label={t('movementDay.count.pending')} value={counts.pending} />
          <Stat
            name="checked-in"
            label={t('movementDay.count.checkedIn')}
            value={counts['checked-in']}
          />
          <Stat name="boarded" label={t('movementDay.count.boarded')} value={counts.boarded} />
          <Stat name="no-show" label={t('movementDay.count.noShow')} value={counts['no-show']} />
          <Stat name="arrived" label={t('movementDay.count.arrived')} value={counts.arrived} />
          {counts.conflict ? (
            <Stat name="conflict" label={t('movementDay.count.conflict')} value={counts.conflict} />
          ) : null}
        </div>
      </Panel>
      <Panel title={t('movementDay.checkin')} wide>
        <ErrorNote error={data.error ?? error} />
        {together && <TogetherNote verdict={together} />}
        {can('movement.checkin') && (
          <SlipScan
            movementId={props.movementId}
            onPerson={(personId) => {
              setFilter(personId);
              setScanned(personId);
            }}
          />
        )}
        <label htmlFor="find-person">{t('movementDay.find')}</label>
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
            {t('movementDay.notBooked', { id: scanned, movement: props.movementId })}
          </p>
        )}
        <ul className="checkin-list" aria-label={t('movementDay.people')}>
          {shown.map((r) => (
            <li
              key={r.personId}
              className={r.personId === scanned ? 'checkin-person scanned' : 'checkin-person'}
              data-person={r.personId}
              tabIndex={-1}
            >
              <span className="who-line">
                <strong>
                  <bdi>{nameFor(r) ?? r.personId}</bdi>
                </strong>
                {nameFor(r) ? (
                  <span className="muted">
                    {' '}
                    <bdi>{r.personId}</bdi>
                  </span>
                ) : null}
                <br />
                <span className="muted">
                  {t(r.isHead ? 'movementDay.caseHead' : 'movementDay.case', {
                    id: r.householdId,
                  })}{' '}
                  · <span data-testid="checkin-status">{t('checkinStatus', codeOf(r.status))}</span>
                  {r.station ? ` ${t('movementDay.atStation', { station: r.station })}` : ''}
                </span>
              </span>
              {mayRecord &&
                checkinStatuses.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className="big"
                    aria-pressed={r.status === s}
                    aria-label={t('movementDay.record', { status: t(labels[s]), id: r.personId })}
                    onClick={() => void record(r, s)}
                  >
                    {t(labels[s])}
                  </button>
                ))}
              {mayRecord && shown.length === 1 && (
                <DocumentCheck movementId={props.movementId} personId={r.personId} />
              )}
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
  const t = useT();
  const { number, digits } = useNumbers();
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
      setDone(t('standby.done', { case: caseId, movement: props.movementId }));
      list.reload();
      props.onMoved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const s = list.data;
  return (
    <Panel title={t('movementDay.standby')} wide>
      {!asked ? (
        <button type="button" onClick={() => setAsked(true)}>
          {t('movementDay.whoCouldFill')}
        </button>
      ) : (
        <>
          <ErrorNote error={list.error ?? error} />
          {!s && !list.error && <Loading />}
          {done && <p className="ok">{done}</p>}
          {s && (
            <p data-testid="standby-head">
              {t('standby.head', {
                seats: s.seatsFree,
                total: number(s.total),
                day: digits(s.day),
                documents: number(s.excluded.documents),
                notReady: number(s.excluded.notReady),
                pastLatest: number(s.excluded.pastLatest),
                locked: number(s.excluded.locked),
              })}
            </p>
          )}
          {s && s.candidates.length > 0 && (
            <TableScroll>
              <table aria-label={t('movementDay.standbyList')}>
                <thead>
                  <tr>
                    <th scope="col">{t('col.case')}</th>
                    <th scope="col">{t('col.persons')}</th>
                    <th scope="col">{t('col.nowOn')}</th>
                    <th scope="col">{t('col.exposureSaved')}</th>
                    <th scope="col">{t('col.fitsNow')}</th>
                    {can('plan.reassign') && <th scope="col">{t('col.action')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {s.candidates.map((c) => (
                    <tr key={c.case} data-standby={c.case}>
                      <td>
                        <bdi>{c.case}</bdi>
                      </td>
                      <td>{number(c.persons)}</td>
                      <td>
                        {c.from
                          ? `${c.from} (${c.fromDay ? digits(c.fromDay) : '–'})`
                          : t('standby.noMovement')}
                      </td>
                      <td>{number(Math.round(c.exposureSaved * 100) / 100)}</td>
                      <td>{c.fits ? t('ui.yesNo', { code: 'yes' }) : t('standby.whole')}</td>
                      {can('plan.reassign') && (
                        <td>
                          <button type="button" disabled={!c.fits} onClick={() => void put(c.case)}>
                            {t('standby.put', { movement: props.movementId })}
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

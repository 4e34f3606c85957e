/**
 * The desk on the device: the full-screen offline desk an officer gets when the app starts
 * without a connection (from the sealed copy of today's lists), and the panel of the
 * movement-day page that keeps those lists and sends the device's log when online.
 */
import type { CheckinConflict, CheckinEvent } from '@corridor/core';
import { useCallback, useEffect, useState } from 'react';
import type { MessageId } from '../i18n/messages.js';
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { api, ApiError, isOffline } from '../lib/api.js';
import { checkinStatuses, nameOf, type CheckinStatus } from '../lib/checkin.js';
import type { Me } from '../lib/session.js';
import { togetherVerdict, type TogetherVerdict } from '../lib/together.js';
import type { MovementRow } from '../lib/types.js';
import {
  keepDeskData,
  readDesks,
  readProfile,
  syncLog,
  type DeskCopy,
  type DeskProfile,
  type SyncOutcome,
} from '../offline/desk-data.js';
import { appendRecord, onLogChange, readLog, type DeviceLog } from '../offline/device-log.js';
import { stationId } from '../offline/station.js';
import { useVault } from '../offline/use-vault.js';
import type { Vault } from '../offline/vault.js';
import { SyncReport } from './SyncReport.js';
import { Panel } from './ui.js';
import { Unlock } from './Unlock.js';

const labels: Record<CheckinStatus, MessageId> = {
  'checked-in': 'checkin.checkedIn',
  boarded: 'checkin.boarded',
  'no-show': 'checkin.noShow',
  arrived: 'checkin.arrived',
};

/** Sends the device's log when there is one; says why not otherwise. */
function useSync(vault: Vault | null) {
  const t = useT();
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [log, setLog] = useState<DeviceLog | null>(null);
  const refresh = useCallback(async () => {
    if (vault) setLog(await readLog(vault));
  }, [vault]);
  const send = useCallback(async () => {
    if (!vault) return;
    try {
      const done = await syncLog(vault);
      if (done) setOutcome(done);
      setProblem(null);
    } catch (err) {
      setProblem(
        isOffline(err)
          ? t('offline.offline')
          : err instanceof ApiError
            ? t('offline.refused', { reason: err.message })
            : String(err),
      );
    }
    await refresh();
  }, [vault, refresh, t]);
  useEffect(() => {
    void refresh();
    return onLogChange(() => void refresh());
  }, [refresh]);
  /** After a decision: the conflicts still open. */
  const decided = useCallback(async () => {
    const conflicts = await api<CheckinConflict[]>('/api/checkin/conflicts').catch(() => null);
    if (conflicts) setOutcome((o) => (o ? { ...o, conflicts } : o));
  }, []);
  return { outcome, problem, log, send, refresh, decided };
}

/** Pending records, as "N waiting to be sent" with the station id. */
function QueueLine(props: { log: DeviceLog | null }) {
  const { number } = useNumbers();
  const waiting = props.log ? props.log.events.filter((e) => e.seq > props.log!.sentThrough) : [];
  return (
    <p data-testid="device-queue">
      <T
        id="offline.queue"
        values={{
          station: () => <bdi>{stationId()}</bdi>,
          waiting: waiting.length,
          total: props.log ? number(props.log.events.length) : 'none',
        }}
      />
    </p>
  );
}

/**
 * The movement-day page's panel: unlocks the vault after a reload, keeps the desk lists of the
 * coming days sealed on the device, and sends the device's log (now and every 30 s).
 */
export function DeviceDesk(props: { me: Me; movements: MovementRow[]; open: string | null }) {
  const t = useT();
  const vault = useVault();
  const { outcome, problem, log, send, decided } = useSync(vault);
  const [kept, setKept] = useState<string[] | null>(null);
  const { me, movements, open } = props;
  useEffect(() => {
    if (!vault) return;
    let live = true;
    const run = async () => {
      try {
        const ids = await keepDeskData(vault, me, movements, open);
        if (live) setKept(ids);
      } catch {
        // offline or refused: the copy already on the device stays
      }
      if (live) await send();
    };
    void run();
    const timer = setInterval(() => void run(), 30_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [vault, me, movements, open, send]);
  return (
    <Panel title={t('offline.deviceTitle')} wide>
      {!vault ? (
        <Unlock why={t('offline.unlockDevice')} />
      ) : (
        <>
          <p data-testid="device-kept">
            {kept === null
              ? t('offline.keeping')
              : t('offline.kept', {
                  movements: kept.join(t('list.separator')) || t('offline.noMovement'),
                })}
          </p>
          <QueueLine log={log} />
          {problem && (
            <p className="error" role="alert">
              {problem}
            </p>
          )}
          <button type="button" onClick={() => void send()}>
            {t('offline.sendNow')}
          </button>
          {outcome && <SyncReport outcome={outcome} onDecided={() => void decided()} />}
        </>
      )}
    </Panel>
  );
}

/** The boarding safeguard's word on a record: refused (boarding apart) or a warning. */
export function TogetherNote(props: { verdict: Exclude<TogetherVerdict, { kind: 'ok' }> }) {
  const t = useT();
  const { kind, householdId, apart } = props.verdict;
  return (
    <p className={kind === 'refuse' ? 'error' : 'warn'} role="alert" data-testid="together">
      {t(kind === 'refuse' ? 'offline.togetherRefused' : 'offline.togetherWarning', {
        case: householdId,
        persons: apart.map((p) => p.personId).join(t('list.separator')),
      })}
    </p>
  );
}

/** The status a person has on this device: the desk list's, or this station's latest record. */
function statusOn(row: { personId: string; status: string }, mine: CheckinEvent[]) {
  const own = mine.filter((e) => e.personId === row.personId).at(-1);
  return own ? { status: own.status as string, own } : { status: row.status, own: undefined };
}

/**
 * The whole app when it starts without a connection: the connection's state, the desk from the
 * device, a way back to the full app once online, and logout (which erases the device's data).
 */
export function OfflineDesk(props: { onOnline: () => void; onLogout: () => void }) {
  const t = useT();
  const online = useOnline();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('offline.title') });
  }, [t]);
  return (
    <main id="main" className="offline-desk">
      <h1>{t('offline.title')}</h1>
      <p role="status" data-testid="connection">
        {online ? t('offline.back') : t('offline.youAreOffline')}
      </p>
      {online && (
        <button type="button" onClick={props.onOnline}>
          {t('offline.openFull')}
        </button>
      )}
      <DeskFromDevice />
      <button type="button" className="link-button" onClick={props.onLogout}>
        {t('offline.logout')}
      </button>
    </main>
  );
}

/** `navigator.onLine`, following the browser's online and offline events. */
function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * The desk from the device's sealed copy (the offline desk, and the movement-day page when the
 * server cannot be reached): unlock with the password, then the kept desk lists with the big
 * buttons; records go to the device's log, shown at once as pending, and are sent through the
 * merge when the connection is back.
 */
export function DeskFromDevice() {
  const t = useT();
  const { number, dateTime } = useNumbers();
  const vault = useVault();
  const { outcome, problem, log, send, refresh, decided } = useSync(vault);
  const [profile, setProfile] = useState<DeskProfile | null>(null);
  const [desks, setDesks] = useState<DeskCopy[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [together, setTogether] = useState<Exclude<TogetherVerdict, { kind: 'ok' }> | null>(null);
  useEffect(() => {
    if (!vault) return;
    void (async () => {
      setProfile((await readProfile(vault)) ?? null);
      const copies = await readDesks(vault);
      setDesks(copies);
      setChosen((c) => c ?? copies[0]?.movement.id ?? null);
      await refresh();
    })();
  }, [vault, refresh]);
  useEffect(() => {
    const up = () => void send();
    window.addEventListener('online', up);
    return () => window.removeEventListener('online', up);
  }, [send]);

  const desk = desks.find((d) => d.movement.id === chosen);
  const mine = (log?.events ?? []).filter((e) => e.movementId === chosen);
  const record = async (personId: string, status: CheckinStatus) => {
    if (!vault || !profile || !chosen || !desk) return;
    // The household travels together, as online: boarding apart is refused, checking in warns.
    const list = desk.rows.map((r) => ({ ...r, status: statusOn(r, mine).status }));
    const verdict = togetherVerdict(list, personId, status);
    setTogether(verdict.kind === 'ok' ? null : verdict);
    if (verdict.kind === 'refuse') return;
    await appendRecord(vault, { movementId: chosen, personId, status }, profile.me);
    if (navigator.onLine) void send();
  };

  if (!vault) return <Unlock why={t('offline.unlockDesk')} />;
  return (
    <>
      <QueueLine log={log} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {outcome && <SyncReport outcome={outcome} onDecided={() => void decided()} />}
      {desks.length === 0 ? (
        <p>{t('offline.noDesk')}</p>
      ) : (
        <>
          <label htmlFor="offline-movement">{t('offline.movement')}</label>
          <select
            id="offline-movement"
            value={chosen ?? ''}
            onChange={(e) => {
              setChosen(e.target.value);
              setTogether(null);
            }}
          >
            {desks.map((d) => (
              <option key={d.movement.id} value={d.movement.id}>
                {t('offline.movementOption', {
                  id: d.movement.id,
                  departs: dateTime(d.movement.departAt),
                  destination: d.movement.destinationId ?? '–',
                })}
              </option>
            ))}
          </select>
          {together && <TogetherNote verdict={together} />}
          {desk && (
            <p className="muted">
              {t('offline.listAsOf', {
                at: dateTime(desk.savedAt),
                booked: number(desk.rows.length),
              })}
            </p>
          )}
          <ul className="checkin-list" aria-label={t('movementDay.people')}>
            {desk?.rows.map((r) => {
              const { status, own } = statusOn(r, mine);
              const waiting = own !== undefined && own.seq > (log?.sentThrough ?? 0);
              return (
                <li key={r.personId} className="checkin-person" data-person={r.personId}>
                  <span className="who-line">
                    <strong>{nameOf(r) ?? r.personId}</strong>
                    {nameOf(r) ? <span className="muted"> {r.personId}</span> : null}
                    <br />
                    <span className="muted">
                      {t('offline.case', { id: r.householdId })} ·{' '}
                      <span data-testid="checkin-status">{t('checkinStatus', codeOf(status))}</span>
                      {waiting ? (
                        <span className="badge" data-testid="pending">
                          {' '}
                          {t('offline.pending')}
                        </span>
                      ) : null}
                    </span>
                  </span>
                  {checkinStatuses.map((s) => (
                    <button
                      key={s}
                      type="button"
                      className="big"
                      aria-pressed={status === s}
                      aria-label={t('movementDay.record', { status: t(labels[s]), id: r.personId })}
                      onClick={() => void record(r.personId, s)}
                    >
                      {t(labels[s])}
                    </button>
                  ))}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

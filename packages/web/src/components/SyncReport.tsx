/** What the last sync of the device's log did, and the conflicts it left for a decision. */
import type { CheckinConflict } from '@corridor/core';
import { useState } from 'react';
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { api, ApiError } from '../lib/api.js';
import { checkinStatuses, type CheckinStatus } from '../lib/checkin.js';
import type { SyncOutcome } from '../offline/desk-data.js';

/** The merge's counts and the open conflicts, each with a decision form when online. */
export function SyncReport(props: { outcome: SyncOutcome; onDecided: () => void }) {
  const { merge, conflicts } = props.outcome;
  const t = useT();
  const { number } = useNumbers();
  return (
    <div data-testid="sync-report">
      <p role="status">
        {t('sync.sent', {
          received: number(merge.received),
          added: number(merge.added),
          alreadyHad: number(merge.alreadyHad),
        })}
      </p>
      {conflicts.length === 0 ? (
        <p className="ok">{t('sync.noConflict')}</p>
      ) : (
        <>
          <p className="error">{t('sync.disagree', { count: conflicts.length })}</p>
          <ul aria-label={t('sync.conflicts')}>
            {conflicts.map((c) => (
              <Conflict
                key={`${c.movementId}/${c.personId}`}
                conflict={c}
                onDecided={props.onDecided}
              />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Conflict(props: { conflict: CheckinConflict; onDecided: () => void }) {
  const c = props.conflict;
  const t = useT();
  const { number } = useNumbers();
  const [status, setStatus] = useState<CheckinStatus>(c.records[0]?.status ?? 'checked-in');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async () => {
    setError(null);
    try {
      await api('/api/checkin/resolve', {
        method: 'POST',
        body: { movementId: c.movementId, personId: c.personId, status, note },
      });
      props.onDecided();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const id = `${c.movementId}-${c.personId}`;
  return (
    <li data-conflict={c.personId}>
      <T
        id="sync.on"
        values={{
          person: () => <bdi>{c.personId}</bdi>,
          movement: () => <bdi>{c.movementId}</bdi>,
        }}
      />{' '}
      {c.records
        .map((r) =>
          t('sync.record', {
            status: t('checkinStatus', codeOf(r.status)),
            station: r.station,
            seq: number(r.seq),
          }),
        )
        .join(' · ')}
      <span className="row">
        <label htmlFor={`decide-${id}`}>{t('sync.decision')}</label>
        <select
          id={`decide-${id}`}
          value={status}
          onChange={(e) => setStatus(e.target.value as CheckinStatus)}
        >
          {checkinStatuses.map((s) => (
            <option key={s} value={s}>
              {t('checkinStatus', codeOf(s))}
            </option>
          ))}
        </select>
        <label htmlFor={`why-${id}`}>{t('sync.why')}</label>
        <input id={`why-${id}`} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={note.trim().length < 3} onClick={() => void decide()}>
          {t('sync.decide')}
        </button>
      </span>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </li>
  );
}

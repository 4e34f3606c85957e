/** What the last sync of the device's log did, and the conflicts it left for a decision. */
import type { CheckinConflict } from '@corridor/core';
import { useState } from 'react';
import { api, ApiError } from '../lib/api.js';
import { checkinStatuses, type CheckinStatus } from '../lib/checkin.js';
import type { SyncOutcome } from '../offline/desk-data.js';

/** The merge's counts and the open conflicts, each with a decision form when online. */
export function SyncReport(props: { outcome: SyncOutcome; onDecided: () => void }) {
  const { merge, conflicts } = props.outcome;
  return (
    <div data-testid="sync-report">
      <p role="status">
        Sent {merge.received} records of this device: {merge.added} added, {merge.alreadyHad}{' '}
        already held by the server.
      </p>
      {conflicts.length === 0 ? (
        <p className="ok">No conflicts between stations.</p>
      ) : (
        <>
          <p className="error">
            Stations disagree about {conflicts.length}{' '}
            {conflicts.length === 1 ? 'person' : 'persons'}: a person decides, never the last
            record.
          </p>
          <ul aria-label="Check-in conflicts">
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
      <bdi>{c.personId}</bdi> on <bdi>{c.movementId}</bdi>:{' '}
      {c.records.map((r) => `${r.status} at ${r.station} (#${r.seq})`).join(' · ')}
      <span className="row">
        <label htmlFor={`decide-${id}`}>Decision</label>
        <select
          id={`decide-${id}`}
          value={status}
          onChange={(e) => setStatus(e.target.value as CheckinStatus)}
        >
          {checkinStatuses.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label htmlFor={`why-${id}`}>Why</label>
        <input id={`why-${id}`} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={note.trim().length < 3} onClick={() => void decide()}>
          Decide
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

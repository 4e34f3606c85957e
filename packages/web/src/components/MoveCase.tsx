/**
 * Puts a case on another movement: the constraint check is shown before the planner locks the
 * case to that movement (the next timetable run keeps the lock).
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import type { CaseView } from '../lib/case-types.js';
import type { Load } from '../lib/loads.js';
import { checkMove } from '../lib/move-check.js';
import type { MovementRow, PlanHeader, TimetableMovement } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote } from './ui.js';

/** The form and its check. */
export function MoveCase(props: {
  movements: MovementRow[];
  timetable: TimetableMovement[];
  loads: Map<string, Load>;
}) {
  const [caseId, setCaseId] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const view = useApi<CaseView>(asked ? `/api/cases/${encodeURIComponent(asked)}` : null);
  const allocation = useApi<PlanHeader[]>('/api/plans?kind=allocation');
  const current = allocation.data?.find((p) => p.status === 'current');
  const plan = useApi<{ assignments: { householdId: string; destinationId: string | null }[] }>(
    current ? `/api/plans/${current.id}` : null,
  );
  const on = props.timetable.find((m) => asked && m.cases.includes(asked));
  const movement = props.movements.find((m) => m.id === target);
  const destinationId =
    plan.data?.assignments.find((a) => a.householdId === asked)?.destinationId ?? null;
  const findings =
    view.data && movement
      ? checkMove(
          {
            persons: view.data.members.filter((m) => !m.mergedInto).length,
            destinationId,
            onTarget: on?.id === movement.id,
          },
          { ...movement, load: props.loads.get(movement.id)! },
        )
      : [];
  const fits = findings.length > 0 && findings.every((f) => f.ok);
  const lookUp = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setAsked(caseId.trim().toUpperCase() || null);
  };
  const lock = async () => {
    setError(undefined);
    try {
      await api(`/api/cases/${asked}/lock`, {
        method: 'POST',
        body: { movementId: target, ...(destinationId ? { destinationId } : {}), reason },
      });
      setMessage(`${asked} is locked to ${target}; the next timetable run keeps it there.`);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <div>
      <form className="row" onSubmit={lookUp}>
        <div>
          <label htmlFor="move-case">Case</label>
          <input
            id="move-case"
            value={caseId}
            placeholder="C-0001"
            onChange={(e) => setCaseId(e.target.value)}
          />
        </div>
        <button type="submit">Look up</button>
      </form>
      <ErrorNote error={view.error} />
      {view.data && (
        <>
          <p>
            {view.data.id}: {view.data.members.length} people, status {view.data.status}, allocated
            to {destinationId ?? 'no destination'}, now on {on?.id ?? 'no movement'}.
          </p>
          <div className="row">
            <div>
              <label htmlFor="move-target">Move to movement</label>
              <select id="move-target" value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">choose…</option>
                {props.movements.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id} {m.departAt.slice(0, 10)} → {m.destinationId ?? '–'}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="move-reason">Reason</label>
              <input id="move-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button
              type="button"
              className="primary"
              disabled={!fits || reason.trim().length < 3}
              onClick={() => void lock()}
            >
              Lock to this movement
            </button>
          </div>
          {findings.length > 0 && (
            <ul className="checks" aria-label="Constraint check">
              {findings.map((f) => (
                <li key={f.text} className={f.ok ? 'ok' : 'error'}>
                  {f.ok ? '✓' : '✗'} {f.text}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ErrorNote error={error} />
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

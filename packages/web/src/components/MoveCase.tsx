/**
 * Moves a case to another movement: a dropped case (or one typed in, for the keyboard) and its
 * target are checked by the server, and the planner confirms with a reason. The move saves a new
 * timetable version and locks the case there, so later timetable runs keep it.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNumbers, useT } from '../i18n/use-t.js';
import { api, ApiError, query } from '../lib/api.js';
import type { MoveCheck, MoveResult, MovementRow, TimetableMovement } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote } from './ui.js';

/** A case and target chosen elsewhere on the page (a drop, or a chip's button). */
export interface MoveProposal {
  caseId: string;
  target: string;
  /** Changes with every proposal, so the same one twice still resets the form. */
  n: number;
}

/** The form, its check and the move. */
export function MoveCase(props: {
  movements: MovementRow[];
  timetable: TimetableMovement[];
  proposal: MoveProposal | null;
  onMoved: (result: MoveResult) => void;
}) {
  const t = useT();
  const { number, digits } = useNumbers();
  const [caseId, setCaseId] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const targetRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const { proposal } = props;

  useEffect(() => {
    if (!proposal) return;
    setCaseId(proposal.caseId);
    setAsked(proposal.caseId);
    setTarget(proposal.target);
    setMessage(null);
    setError(undefined);
    (proposal.target ? reasonRef : targetRef).current?.focus();
  }, [proposal]);

  const check = useApi<MoveCheck>(
    asked && target ? `/api/timetable/check${query({ case: asked, movement: target })}` : null,
  );
  const on = asked ? props.timetable.find((m) => m.cases.includes(asked)) : undefined;
  const persons = on && asked ? on.casePersons[on.cases.indexOf(asked)] : undefined;
  const lookUp = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setError(undefined);
    setAsked(caseId.trim().toUpperCase() || null);
  };
  const move = async () => {
    if (!asked) return;
    setError(undefined);
    setBusy(true);
    try {
      const result = await api<MoveResult>('/api/timetable/move', {
        method: 'POST',
        body: { case: asked, movementId: target, reason },
      });
      setMessage(
        t('move.moved', {
          case: result.case,
          from: result.from ?? t('move.noMovement'),
          to: result.to,
          version: number(result.plan.version),
        }),
      );
      setReason('');
      props.onMoved(result);
      check.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    } finally {
      setBusy(false);
    }
  };
  const checked =
    check.data && check.data.case === asked && check.data.to === target ? check.data : undefined;
  const ready = checked?.ok === true && reason.trim().length >= 3;
  return (
    <div>
      <form className="row" onSubmit={lookUp}>
        <div>
          <label htmlFor="move-case">{t('col.case')}</label>
          <input
            id="move-case"
            value={caseId}
            placeholder="C-0001"
            onChange={(e) => setCaseId(e.target.value)}
          />
        </div>
        <button type="submit">{t('move.lookUp')}</button>
      </form>
      {asked && (
        <>
          <p>
            {t('move.now', {
              case: asked,
              persons: persons === undefined ? 'none' : t('move.persons', { count: persons }),
              movement: on?.id ?? t('move.noMovement'),
            })}
          </p>
          <div className="row">
            <div>
              <label htmlFor="move-target">{t('move.target')}</label>
              <select
                id="move-target"
                ref={targetRef}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              >
                <option value="">{t('lock.choose')}</option>
                {props.movements.map((m) => (
                  <option key={m.id} value={m.id}>
                    {t('disruption.movementOption', {
                      id: m.id,
                      date: digits(m.departAt.slice(0, 10)),
                      destination: m.destinationId ?? '–',
                    })}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="move-reason">{t('col.reason')}</label>
              <input
                id="move-reason"
                ref={reasonRef}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <button
              type="button"
              className="primary"
              disabled={!ready || busy}
              onClick={() => void move()}
            >
              {t('move.submit')}
            </button>
          </div>
          <ErrorNote error={check.error} />
          {checked && (
            <ul className="checks" aria-label={t('move.checks')}>
              {checked.findings.map((f) => (
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

/** Host-state procedures in the web: a case's steps per state, and the documents expiring soon. */
import { T } from '../i18n/use-t.js';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import type { CaseProcedures, ProcedureList, ProcedureStanding } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

const outcomes = ['pending', 'done', 'positive', 'negative'] as const;

function standingText(s: ProcedureStanding): string {
  if (s.refused) return 'refused';
  if (s.failedChecks.length)
    return `not ready: ${s.failedChecks.join(', ')} failed, to repeat (expected ready ${s.expectedReadyDate ?? '–'})`;
  if (s.readyDate) return `ready ${s.readyDate}`;
  return `expected ready ${s.expectedReadyDate ?? '–'} (pending: ${s.pendingSteps.join(', ')})`;
}

/** The procedure panel of the case view: steps per state, and a form for planners. */
export function CaseProceduresPanel(props: { id: string; onChanged?: () => void }) {
  const { can } = useSession();
  const path = can('procedure.read')
    ? `/api/cases/${encodeURIComponent(props.id)}/procedures`
    : null;
  const p = useApi<CaseProcedures>(path);
  if (!path) return null;
  return (
    <section aria-label="Host-state procedures" data-testid="procedures">
      <h3>
        <T id="heading.procedures" />
      </h3>
      <ErrorNote error={p.error} />
      {!p.data && !p.error && <Loading />}
      {p.data && p.data.states.length === 0 && <p className="muted">No step recorded yet.</p>}
      {p.data?.states.map((s) => (
        <div key={s.state} data-state={s.state}>
          <p>
            <strong>{s.state}</strong>: {standingText(s)}
            {s.latestDate && <> · must travel by {s.latestDate}</>}
          </p>
          <TableScroll>
            <table aria-label={`Procedure with ${s.state}`}>
              <thead>
                <tr>
                  <th scope="col">
                    <T id="col.step" />
                  </th>
                  <th scope="col">
                    <T id="col.date" />
                  </th>
                  <th scope="col">
                    <T id="col.outcome" />
                  </th>
                  <th scope="col">
                    <T id="col.expires" />
                  </th>
                  <th scope="col">
                    <T id="col.note" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.steps.map((x) => (
                  <tr key={x.step}>
                    <td>{x.step}</td>
                    <td>{x.date ?? '–'}</td>
                    <td>{x.outcome}</td>
                    <td>{x.expires ?? '–'}</td>
                    <td>{x.note ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      ))}
      {can('procedure.record') && (
        <RecordStep
          id={props.id}
          onRecorded={() => {
            p.reload();
            props.onChanged?.();
          }}
        />
      )}
    </section>
  );
}

/** One step recorded from the case view (`POST /api/procedures/steps`). */
function RecordStep(props: { id: string; onRecorded: () => void }) {
  const [form, setForm] = useState({
    state: '',
    step: '',
    date: '',
    outcome: 'positive',
    expires: '',
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const out = await api<{
        caseMoved: { to: string } | null;
        proposal: { failedCheck: string; movementId: string | null; mustMove: boolean } | null;
      }>('/api/procedures/steps', {
        method: 'POST',
        body: {
          caseId: props.id,
          state: form.state,
          step: form.step,
          outcome: form.outcome,
          ...(form.date ? { date: form.date } : {}),
          ...(form.expires ? { expires: form.expires } : {}),
        },
      });
      setDone(
        `${form.step} recorded` +
          (out.caseMoved ? `; the case moved to ${out.caseMoved.to}` : '') +
          (out.proposal?.mustMove
            ? `; ${out.proposal.failedCheck} failed and ${out.proposal.movementId} leaves before it can pass again: re-plan with the procedures (a dry run shows the changes first)`
            : ''),
      );
      props.onRecorded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }
  return (
    <form className="row" onSubmit={(e) => void submit(e)} aria-label="Record a step">
      <div>
        <label htmlFor="proc-state">State</label>
        <input id="proc-state" required size={5} value={form.state} onChange={set('state')} />
      </div>
      <div>
        <label htmlFor="proc-step">Step</label>
        <input id="proc-step" required size={12} value={form.step} onChange={set('step')} />
      </div>
      <div>
        <label htmlFor="proc-date">Date</label>
        <input id="proc-date" type="date" value={form.date} onChange={set('date')} />
      </div>
      <div>
        <label htmlFor="proc-outcome">Outcome</label>
        <select id="proc-outcome" value={form.outcome} onChange={set('outcome')}>
          {outcomes.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="proc-expires">Expires</label>
        <input id="proc-expires" type="date" value={form.expires} onChange={set('expires')} />
      </div>
      <button type="submit" className="primary">
        Record
      </button>
      <ErrorNote error={error} />
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

/** The dashboard's alert: valid documents that expire within `days`. */
export function ExpiringDocuments(props: { days: number }) {
  const list = useApi<ProcedureList>(`/api/procedures?expiringWithin=${props.days}&limit=50`);
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  const l = list.data;
  if (l.total === 0)
    return (
      <p className="muted">No visa, exit permit or fitness expires within {props.days} days.</p>
    );
  return (
    <>
      <p>
        <strong>{l.total}</strong> case(s) with documents expiring within {props.days} days of{' '}
        {l.asOf}: re-plan with <code>corridor replan --procedures</code>.
      </p>
      <TableScroll>
        <table aria-label="Expiring documents">
          <thead>
            <tr>
              <th scope="col">
                <T id="col.case" />
              </th>
              <th scope="col">
                <T id="col.state" />
              </th>
              <th scope="col">
                <T id="col.expiring" />
              </th>
            </tr>
          </thead>
          <tbody>
            {l.procedures.map((p) => (
              <tr key={`${p.case}-${p.state}`}>
                <td>
                  <bdi>{p.case}</bdi>
                </td>
                <td>{p.state}</td>
                <td>{p.expiring.map((e) => `${e.step} ${e.expires}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

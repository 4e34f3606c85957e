/** Host-state procedures in the web: a case's steps per state, and the documents expiring soon. */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import type { CaseProcedures, ProcedureList, ProcedureStanding } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

const outcomes = ['pending', 'done', 'positive', 'negative'] as const;

/** Where a case stands with one state, in words: refused, not ready, ready, or expected ready. */
function standingText(
  t: ReturnType<typeof useT>,
  digits: (text: string) => string,
  s: ProcedureStanding,
): string {
  const steps = (names: string[]) =>
    names.map((n) => t('procedureStep', codeOf(n))).join(t('list.separator'));
  const expected = s.expectedReadyDate ? digits(s.expectedReadyDate) : '–';
  if (s.refused) return t('procedures.refused');
  if (s.failedChecks.length)
    return t('procedures.notReady', { checks: steps(s.failedChecks), expected });
  if (s.readyDate) return t('procedures.ready', { date: digits(s.readyDate) });
  return t('procedures.expected', { expected, pending: steps(s.pendingSteps) });
}

/** The procedure panel of the case view: steps per state, and a form for planners. */
export function CaseProceduresPanel(props: { id: string; onChanged?: () => void }) {
  const { can } = useSession();
  const t = useT();
  const { digits } = useNumbers();
  const path = can('procedure.read')
    ? `/api/cases/${encodeURIComponent(props.id)}/procedures`
    : null;
  const p = useApi<CaseProcedures>(path);
  if (!path) return null;
  return (
    <section aria-label={t('heading.procedures')} data-testid="procedures">
      <h3>
        <T id="heading.procedures" />
      </h3>
      <ErrorNote error={p.error} />
      {!p.data && !p.error && <Loading />}
      {p.data && p.data.states.length === 0 && <p className="muted">{t('procedures.none')}</p>}
      {p.data?.states.map((s) => (
        <div key={s.state} data-state={s.state}>
          <p>
            <strong>{s.state}</strong>: {standingText(t, digits, s)}
            {s.latestDate && t('procedures.travelBy', { date: digits(s.latestDate) })}
          </p>
          <TableScroll>
            <table aria-label={t('procedures.with', { state: s.state })}>
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
                    <td>{t('procedureStep', codeOf(x.step))}</td>
                    <td>{x.date ? digits(x.date) : '–'}</td>
                    <td>{t('procedureOutcome', codeOf(x.outcome))}</td>
                    <td>{x.expires ? digits(x.expires) : '–'}</td>
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
  const t = useT();
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
        t('procedures.recorded', { step: t('procedureStep', codeOf(form.step)) }) +
          (out.caseMoved
            ? t('procedures.caseMoved', { status: t('caseStatus', codeOf(out.caseMoved.to)) })
            : '') +
          (out.proposal?.mustMove
            ? t('procedures.mustMove', {
                check: t('procedureStep', codeOf(out.proposal.failedCheck)),
                movement: out.proposal.movementId ?? '–',
              })
            : ''),
      );
      props.onRecorded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    }
  }
  return (
    <form className="row" onSubmit={(e) => void submit(e)} aria-label={t('procedures.record')}>
      <div>
        <label htmlFor="proc-state">{t('procedures.state')}</label>
        <input id="proc-state" required size={5} value={form.state} onChange={set('state')} />
      </div>
      <div>
        <label htmlFor="proc-step">{t('procedures.step')}</label>
        <input id="proc-step" required size={12} value={form.step} onChange={set('step')} />
      </div>
      <div>
        <label htmlFor="proc-date">{t('procedures.date')}</label>
        <input id="proc-date" type="date" value={form.date} onChange={set('date')} />
      </div>
      <div>
        <label htmlFor="proc-outcome">{t('procedures.outcome')}</label>
        <select id="proc-outcome" value={form.outcome} onChange={set('outcome')}>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {t('procedureOutcome', codeOf(o))}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="proc-expires">{t('procedures.expires')}</label>
        <input id="proc-expires" type="date" value={form.expires} onChange={set('expires')} />
      </div>
      <button type="submit" className="primary">
        {t('procedures.submit')}
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
  const t = useT();
  const { number, digits } = useNumbers();
  const list = useApi<ProcedureList>(`/api/procedures?expiringWithin=${props.days}&limit=50`);
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  const l = list.data;
  if (l.total === 0)
    return <p className="muted">{t('procedures.noExpiring', { days: number(props.days) })}</p>;
  return (
    <>
      <p>
        <T
          id="procedures.expiring"
          values={{
            total: number(l.total),
            days: number(props.days),
            asOf: digits(l.asOf),
            b: (chunks) => <strong>{chunks}</strong>,
            code: (chunks) => <code>{chunks}</code>,
          }}
        />
      </p>
      <TableScroll>
        <table aria-label={t('procedures.expiringTable')}>
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
                <td>
                  {p.expiring
                    .map((e) => `${t('procedureStep', codeOf(e.step))} ${digits(e.expires)}`)
                    .join(t('list.separator'))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

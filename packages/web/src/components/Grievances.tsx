/**
 * The grievance log (all cases, or one case's), overdue ones highlighted, with the form to log a
 * complaint and, per grievance, its words, history and the answer form; and the appeals with their
 * decision form. What a role may do comes from the server's permissions.
 */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../lib/api.js';
import {
  grievanceCategories,
  grievanceChannels,
  grievanceMoves,
  grievanceUrgencies,
  type Appeal,
  type Grievance,
  type GrievanceRow,
} from '../lib/grievance-types.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

const hidden = (
  <span className="muted">
    <T id="ui.hiddenForRole" />
  </span>
);
const day = (iso: string) => iso.slice(0, 10);

/** The log; with `caseId`, one case's grievances and the form logs for that case. */
export function GrievanceLog(props: { caseId?: string }) {
  const { can } = useSession();
  const t = useT();
  const { digits } = useNumbers();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const path = props.caseId
    ? `/api/cases/${encodeURIComponent(props.caseId)}/grievances${query({ overdue: overdueOnly ? 'true' : undefined })}`
    : `/api/grievances${query({ overdue: overdueOnly ? 'true' : undefined })}`;
  const list = useApi<GrievanceRow[]>(path);
  return (
    <div>
      {can('grievance.add') && (
        <details>
          <summary>
            <T id="heading.logComplaint" />
          </summary>
          <GrievanceForm caseId={props.caseId} onAdded={list.reload} />
        </details>
      )}
      <label>
        <input
          type="checkbox"
          checked={overdueOnly}
          onChange={(e) => setOverdueOnly(e.target.checked)}
        />{' '}
        <T id="grievances.onlyOverdue" />
      </label>
      <ErrorNote error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && (
        <p className="muted">
          <T id="grievances.none" />
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <TableScroll>
          <table aria-label={t('grievances.table')}>
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.grievance" />
                </th>
                <th scope="col">
                  <T id="col.case" />
                </th>
                <th scope="col">
                  <T id="col.channelCategory" />
                </th>
                <th scope="col">
                  <T id="col.urgency" />
                </th>
                <th scope="col">
                  <T id="col.status" />
                </th>
                <th scope="col">
                  <T id="col.due" />
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((g) => (
                <tr
                  key={g.id}
                  data-overdue={g.overdue || undefined}
                  className={g.overdue ? 'overdue' : undefined}
                >
                  <td>
                    <button
                      type="button"
                      className="linkish"
                      onClick={() => setOpen(open === g.id ? null : g.id)}
                    >
                      <bdi>{g.id}</bdi>
                    </button>
                    {g.confidential && (
                      <span className="badge"> {t('grievances.confidential')}</span>
                    )}
                  </td>
                  <td>
                    <bdi>{g.case}</bdi>
                  </td>
                  <td>
                    {t('grievances.channelCategory', {
                      channel: t('grievanceChannel', codeOf(g.channel)),
                      category: t('grievanceCategory', codeOf(g.category)),
                    })}
                  </td>
                  <td>{t('grievanceUrgency', codeOf(g.urgency))}</td>
                  <td>{t('grievanceStatus', codeOf(g.status))}</td>
                  <td>
                    {digits(day(g.dueAt))}{' '}
                    {g.overdue && <strong className="error">{t('grievances.overdue')}</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {open && <GrievanceDetail id={open} onChanged={list.reload} />}
    </div>
  );
}

/** The form that logs a complaint. */
function GrievanceForm(props: { caseId?: string | undefined; onAdded: () => void }) {
  const t = useT();
  const { digits } = useNumbers();
  const [f, setF] = useState({
    caseId: props.caseId ?? '',
    channel: 'desk',
    category: 'allocation',
    urgency: 'normal',
    text: '',
    confidential: false,
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const row = await api<GrievanceRow>('/api/grievances', { method: 'POST', body: f });
      setDone(t('grievances.logged', { id: row.id, due: digits(day(row.dueAt)) }));
      setF({ ...f, text: '' });
      props.onAdded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('heading.logComplaint')}>
      <div className="row">
        {!props.caseId && (
          <div>
            <label htmlFor="grievance-case">{t('grievances.case')}</label>
            <input id="grievance-case" value={f.caseId} onChange={set('caseId')} required />
          </div>
        )}
        <div>
          <label htmlFor="grievance-channel">{t('grievances.channel')}</label>
          <select id="grievance-channel" value={f.channel} onChange={set('channel')}>
            {grievanceChannels.map((c) => (
              <option key={c} value={c}>
                {t('grievanceChannel', codeOf(c))}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grievance-category">{t('grievances.category')}</label>
          <select id="grievance-category" value={f.category} onChange={set('category')}>
            {grievanceCategories.map((c) => (
              <option key={c} value={c}>
                {t('grievanceCategory', codeOf(c))}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grievance-urgency">{t('grievances.urgency')}</label>
          <select id="grievance-urgency" value={f.urgency} onChange={set('urgency')}>
            {grievanceUrgencies.map((c) => (
              <option key={c} value={c}>
                {t('grievanceUrgency', codeOf(c))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="grievance-text">{t('grievances.text')}</label>
      <textarea id="grievance-text" value={f.text} onChange={set('text')} required rows={3} />
      <label>
        <input
          type="checkbox"
          checked={f.confidential}
          onChange={(e) => setF({ ...f, confidential: e.target.checked })}
        />{' '}
        {t('grievances.confidentialLabel')}
      </label>
      <button type="submit">{t('grievances.submit')}</button>
      <ErrorNote error={error} />
      {done && <p className="ok">{done}</p>}
    </form>
  );
}

/** One grievance: its words, history, the answer form and the status moves the role may make. */
function GrievanceDetail(props: { id: string; onChanged: () => void }) {
  const { can } = useSession();
  const t = useT();
  const { dateTime } = useNumbers();
  const g = useApi<Grievance>(`/api/grievances/${encodeURIComponent(props.id)}`);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  if (g.error) return <ErrorNote error={g.error} />;
  if (!g.data) return <Loading />;
  const v = g.data;
  const send = async (path: string, body: object) => {
    setError(undefined);
    try {
      await api(path, { method: 'POST', body });
      setText('');
      g.reload();
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const base = `/api/grievances/${encodeURIComponent(v.id)}`;
  return (
    <section aria-label={t('grievances.detail', { id: v.id })}>
      <h3>
        <T
          id="grievances.heading"
          values={{
            id: () => <bdi>{v.id}</bdi>,
            case: () => <bdi>{v.case}</bdi>,
            status: t('grievanceStatus', codeOf(v.status)),
          }}
        />
      </h3>
      <p>{v.text ?? hidden}</p>
      <ol>
        {v.history.map((h, i) => (
          <li key={i}>
            {t('grievances.historyLine', {
              at: dateTime(h.at),
              from: h.from ? t('grievanceStatus', codeOf(h.from)) : '–',
              to: t('grievanceStatus', codeOf(h.to)),
              actor: h.actor,
              role: t('app.role', codeOf(h.role)),
            })}
            {h.text !== null && <>: {h.text}</>}
          </li>
        ))}
      </ol>
      {can('grievance.respond') && (
        <form
          aria-label={t('grievances.answer')}
          onSubmit={(e) => {
            e.preventDefault();
            void send(`${base}/respond`, { text });
          }}
        >
          <label htmlFor="grievance-answer">{t('grievances.answerGiven')}</label>
          <textarea
            id="grievance-answer"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={2}
          />
          <button type="submit">{t('grievances.record')}</button>{' '}
          <button type="button" onClick={() => void send(`${base}/respond`, { text, close: true })}>
            {t('grievances.answerClose')}
          </button>{' '}
          {grievanceMoves[v.status].map((to) => (
            <button
              key={to}
              type="button"
              onClick={() => void send(`${base}/status`, { status: to })}
            >
              {t('grievances.mark', { status: t('grievanceStatus', codeOf(to)) })}
            </button>
          ))}
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

/** Appeals (all, or one case's), with the decision form for roles that decide. */
export function AppealList(props: { caseId?: string }) {
  const { can } = useSession();
  const t = useT();
  const list = useApi<Appeal[]>(
    props.caseId ? `/api/cases/${encodeURIComponent(props.caseId)}/appeals` : '/api/appeals',
  );
  const [grounds, setGrounds] = useState('');
  const [wanted, setWanted] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const post = async (path: string, body: object) => {
    setError(undefined);
    try {
      await api(path, { method: 'POST', body });
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <div>
      {props.caseId && can('appeal.file') && (
        <form
          aria-label={t('appeals.file')}
          onSubmit={(e) => {
            e.preventDefault();
            void post(`/api/cases/${encodeURIComponent(props.caseId!)}/appeals`, {
              grounds,
              ...(wanted ? { requestedDestinationId: wanted } : {}),
            });
          }}
        >
          <label htmlFor="appeal-grounds">{t('appeals.grounds')}</label>
          <textarea
            id="appeal-grounds"
            value={grounds}
            onChange={(e) => setGrounds(e.target.value)}
            rows={2}
          />
          <label htmlFor="appeal-destination">{t('appeals.wanted')}</label>
          <input
            id="appeal-destination"
            value={wanted}
            onChange={(e) => setWanted(e.target.value)}
          />
          <button type="submit">{t('appeals.submit')}</button>
        </form>
      )}
      <ErrorNote error={error ?? list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && (
        <p className="muted">
          <T id="appeals.none" />
        </p>
      )}
      <ul>
        {list.data?.map((a) => (
          <li key={a.id}>
            <T
              id="appeals.line"
              values={{
                id: () => <bdi>{a.id}</bdi>,
                case: () => <bdi>{a.case}</bdi>,
                status: t('appealStatus', codeOf(a.status)),
                destination: a.destination ?? t('appeals.nowhere'),
                plan: a.planId,
              }}
            />
            {a.requestedDestination && t('appeals.asks', { destination: a.requestedDestination })}
            <div>{a.grounds ?? hidden}</div>
            {a.decision && (
              <div>
                {t('appeals.decided', {
                  outcome: t('appealStatus', codeOf(a.decision.outcome)),
                  by: a.decision.by,
                })}
                {a.decision.newDestination &&
                  t('appeals.moved', {
                    destination: a.decision.newDestination,
                    plan: a.decision.newPlanId ?? '–',
                  })}
                : {a.decision.reason ?? hidden}
              </div>
            )}
            {a.status === 'filed' && can('appeal.decide') && (
              <Decide appeal={a} onDecided={list.reload} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The decision form of one filed appeal. */
function Decide(props: { appeal: Appeal; onDecided: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [to, setTo] = useState(props.appeal.requestedDestination ?? '');
  const [error, setError] = useState<ApiError | undefined>();
  const decide = async (outcome: 'upheld' | 'rejected') => {
    setError(undefined);
    try {
      await api(`/api/appeals/${encodeURIComponent(props.appeal.id)}/decision`, {
        method: 'POST',
        body: { outcome, reason, ...(outcome === 'upheld' && to ? { destinationId: to } : {}) },
      });
      props.onDecided();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const id = `decide-${props.appeal.id}`;
  return (
    <form
      aria-label={t('appeals.decide', { id: props.appeal.id })}
      onSubmit={(e) => e.preventDefault()}
    >
      <label htmlFor={`${id}-reason`}>{t('appeals.reason')}</label>
      <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor={`${id}-to`}>{t('appeals.moveTo')}</label>
      <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} />
      <button type="button" onClick={() => void decide('upheld')}>
        {t('appeals.uphold')}
      </button>{' '}
      <button type="button" onClick={() => void decide('rejected')}>
        {t('appeals.reject')}
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

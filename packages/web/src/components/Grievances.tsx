/**
 * The grievance log (all cases, or one case's), overdue ones highlighted, with the form to log a
 * complaint and, per grievance, its words, history and the answer form; and the appeals with their
 * decision form. What a role may do comes from the server's permissions.
 */
import { T } from '../i18n/use-t.js';
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

const hidden = <span className="muted">hidden for your role</span>;
const day = (iso: string) => iso.slice(0, 10);

/** The log; with `caseId`, one case's grievances and the form logs for that case. */
export function GrievanceLog(props: { caseId?: string }) {
  const { can } = useSession();
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
        Only overdue
      </label>
      <ErrorNote error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <p className="muted">No grievances.</p>}
      {list.data && list.data.length > 0 && (
        <TableScroll>
          <table aria-label="Grievances">
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
                    {g.confidential && <span className="badge"> confidential</span>}
                  </td>
                  <td>
                    <bdi>{g.case}</bdi>
                  </td>
                  <td>
                    {g.channel}, {g.category}
                  </td>
                  <td>{g.urgency}</td>
                  <td>{g.status}</td>
                  <td>
                    {day(g.dueAt)} {g.overdue && <strong className="error">overdue</strong>}
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
      setDone(`Logged ${row.id}, due ${day(row.dueAt)}.`);
      setF({ ...f, text: '' });
      props.onAdded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Log a complaint">
      <div className="row">
        {!props.caseId && (
          <div>
            <label htmlFor="grievance-case">Case</label>
            <input id="grievance-case" value={f.caseId} onChange={set('caseId')} required />
          </div>
        )}
        <div>
          <label htmlFor="grievance-channel">Channel</label>
          <select id="grievance-channel" value={f.channel} onChange={set('channel')}>
            {grievanceChannels.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grievance-category">Category</label>
          <select id="grievance-category" value={f.category} onChange={set('category')}>
            {grievanceCategories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grievance-urgency">Urgency</label>
          <select id="grievance-urgency" value={f.urgency} onChange={set('urgency')}>
            {grievanceUrgencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="grievance-text">The complaint, in the words given</label>
      <textarea id="grievance-text" value={f.text} onChange={set('text')} required rows={3} />
      <label>
        <input
          type="checkbox"
          checked={f.confidential}
          onChange={(e) => setF({ ...f, confidential: e.target.checked })}
        />{' '}
        Confidential: only protection officers (and the administrator) will see it, or that it
        exists
      </label>
      <button type="submit">Log</button>
      <ErrorNote error={error} />
      {done && <p className="ok">{done}</p>}
    </form>
  );
}

/** One grievance: its words, history, the answer form and the status moves the role may make. */
function GrievanceDetail(props: { id: string; onChanged: () => void }) {
  const { can } = useSession();
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
    <section aria-label={`Grievance ${v.id}`}>
      <h3>
        <bdi>{v.id}</bdi> · case <bdi>{v.case}</bdi> · {v.status}
      </h3>
      <p>{v.text ?? hidden}</p>
      <ol>
        {v.history.map((h, i) => (
          <li key={i}>
            {h.at.slice(0, 16).replace('T', ' ')} · {h.from ?? '–'} → {h.to} · {h.actor} ({h.role})
            {h.text !== null && <>: {h.text}</>}
          </li>
        ))}
      </ol>
      {can('grievance.respond') && (
        <form
          aria-label="Answer"
          onSubmit={(e) => {
            e.preventDefault();
            void send(`${base}/respond`, { text });
          }}
        >
          <label htmlFor="grievance-answer">Answer given</label>
          <textarea
            id="grievance-answer"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={2}
          />
          <button type="submit">Record the answer</button>{' '}
          <button type="button" onClick={() => void send(`${base}/respond`, { text, close: true })}>
            Answer and close
          </button>{' '}
          {grievanceMoves[v.status].map((to) => (
            <button
              key={to}
              type="button"
              onClick={() => void send(`${base}/status`, { status: to })}
            >
              Mark {to}
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
          aria-label="File an appeal"
          onSubmit={(e) => {
            e.preventDefault();
            void post(`/api/cases/${encodeURIComponent(props.caseId!)}/appeals`, {
              grounds,
              ...(wanted ? { requestedDestinationId: wanted } : {}),
            });
          }}
        >
          <label htmlFor="appeal-grounds">Appeal against the allocation: grounds</label>
          <textarea
            id="appeal-grounds"
            value={grounds}
            onChange={(e) => setGrounds(e.target.value)}
            rows={2}
          />
          <label htmlFor="appeal-destination">Destination asked for (optional)</label>
          <input
            id="appeal-destination"
            value={wanted}
            onChange={(e) => setWanted(e.target.value)}
          />
          <button type="submit">File the appeal</button>
        </form>
      )}
      <ErrorNote error={error ?? list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <p className="muted">No appeals.</p>}
      <ul>
        {list.data?.map((a) => (
          <li key={a.id}>
            <bdi>{a.id}</bdi> · case <bdi>{a.case}</bdi> · {a.status} · allocated{' '}
            {a.destination ?? 'nowhere'} (plan {a.planId})
            {a.requestedDestination && <> · asks for {a.requestedDestination}</>}
            <div>{a.grounds ?? hidden}</div>
            {a.decision && (
              <div>
                {a.decision.outcome} by {a.decision.by}
                {a.decision.newDestination && (
                  <>
                    {' '}
                    → {a.decision.newDestination} (plan {a.decision.newPlanId})
                  </>
                )}
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
    <form aria-label={`Decide ${props.appeal.id}`} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label htmlFor={`${id}-to`}>Move to (if upheld)</label>
      <input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} />
      <button type="button" onClick={() => void decide('upheld')}>
        Uphold and re-plan
      </button>{' '}
      <button type="button" onClick={() => void decide('rejected')}>
        Reject
      </button>
      <ErrorNote error={error} />
    </form>
  );
}

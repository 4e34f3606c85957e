/**
 * A case's consent per member and purpose, with a form for the roles that may record it, and the
 * disclosure log for those who read it (issue 20 item 4). What a role may do comes from /api/me.
 */
import { T } from '../i18n/use-t.js';
import type { CommandOutput, listBases, listConsent, listDisclosures } from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

const purposes = ['registration', 'referral', 'carrier-sharing', 'messages'] as const;
const decisions = ['given', 'refused', 'withdrawn'] as const;

/** `GET /api/cases/:id/consent`: the command's own output type. */
type ConsentList = CommandOutput<typeof listConsent>;

/** One line of `GET /api/disclosures`. */
type DisclosureRow = CommandOutput<typeof listDisclosures>['disclosures'][number];

/** The consent panel of case `id`: current decisions, the history, and the form where allowed. */
export function ConsentPanel(props: { id: string }) {
  const { can } = useSession();
  const list = useApi<ConsentList>(
    can('consent.read') ? `/api/cases/${encodeURIComponent(props.id)}/consent` : null,
  );
  if (!can('consent.read')) return null;
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  const v = list.data;
  return (
    <section aria-label="Consent" data-consent={props.id}>
      <h3>
        <T id="heading.consent" />
      </h3>
      <TableScroll>
        <table aria-label="Consent by purpose">
          <thead>
            <tr>
              <th scope="col">
                <T id="col.person" />
              </th>
              {purposes
                .filter((p) => p !== 'referral')
                .map((p) => (
                  <th scope="col" key={p}>
                    {p}
                  </th>
                ))}
              <th scope="col">
                <T id="col.referral" />
              </th>
            </tr>
          </thead>
          <tbody>
            {v.persons.map((p) => (
              <tr key={p.personId}>
                <td>
                  <bdi>{p.personId}</bdi>
                </td>
                {p.current
                  .filter((c) => c.purpose !== 'referral')
                  .map((c) => (
                    <td key={c.purpose} data-decision={c.decision}>
                      {c.decision}
                      {c.date ? ` (${c.date})` : ''}
                    </td>
                  ))}
                <td>
                  {p.current
                    .filter((c) => c.purpose === 'referral')
                    .map((c) => `${c.state}: ${c.decision}`)
                    .join(', ') || 'none'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {v.bases.length > 0 && (
        <ul aria-label="Operation's lawful bases">
          {v.bases.map((b) => (
            <li key={b.id}>
              Operation basis for {b.purpose}
              {b.state ? ` to ${b.state}` : ''}: <strong>{b.basis}</strong> since{' '}
              {b.recordedAt.slice(0, 10)} ({b.actor}): {b.reason}
            </li>
          ))}
        </ul>
      )}
      {can('consent.record') && <RecordConsent id={props.id} onDone={list.reload} />}
      <details>
        <summary>History ({v.history.length} records)</summary>
        <ul>
          {v.history.map((r) => (
            <li key={r.id}>
              {r.date} · <bdi>{r.personId}</bdi> · {r.purpose}
              {r.state ? ` to ${r.state}` : ''} · {r.decision} · {r.actor}
              {r.note ? ` · ${r.note}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function RecordConsent(props: { id: string; onDone: () => void }) {
  const [purpose, setPurpose] = useState<string>('carrier-sharing');
  const [decision, setDecision] = useState<string>('given');
  const [state, setState] = useState('');
  const [personId, setPersonId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const body: Record<string, string> = { purpose, decision };
      if (purpose === 'referral') body.state = state.toUpperCase();
      if (personId) body.personId = personId;
      if (note) body.note = note;
      await api(`/api/cases/${encodeURIComponent(props.id)}/consent`, { method: 'POST', body });
      setDone(`Recorded: ${purpose} ${decision}.`);
      setNote('');
      props.onDone();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="row" aria-label="Record consent" onSubmit={(e) => void submit(e)}>
      <div>
        <label htmlFor="consent-purpose">Purpose</label>
        <select id="consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
          {purposes.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      {purpose === 'referral' && (
        <div>
          <label htmlFor="consent-state">State (ISO alpha-3)</label>
          <input
            id="consent-state"
            required
            pattern="[A-Za-z]{3}"
            value={state}
            onChange={(e) => setState(e.target.value)}
          />
        </div>
      )}
      <div>
        <label htmlFor="consent-decision">Decision</label>
        <select
          id="consent-decision"
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
        >
          {decisions.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="consent-person">Person (empty: every member)</label>
        <input id="consent-person" value={personId} onChange={(e) => setPersonId(e.target.value)} />
      </div>
      <div>
        <label htmlFor="consent-note">Note (sealed)</label>
        <input id="consent-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        Record consent
      </button>
      <ErrorNote error={error} />
      {done && (
        <span className="ok" role="status">
          {done}
        </span>
      )}
    </form>
  );
}

/** The disclosure log, newest first, optionally for one case. */
export function DisclosureLog(props: { caseId?: string }) {
  const rows = useApi<{ disclosures: DisclosureRow[] }>(
    `/api/disclosures${query({ caseId: props.caseId, limit: 200 })}`,
  );
  if (rows.error) return <ErrorNote error={rows.error} />;
  if (!rows.data) return <Loading />;
  if (rows.data.disclosures.length === 0) return <p className="muted">No disclosures logged.</p>;
  return (
    <TableScroll>
      <table aria-label="Disclosures">
        <thead>
          <tr>
            <th scope="col">
              <T id="col.when" />
            </th>
            <th scope="col">
              <T id="col.what" />
            </th>
            <th scope="col">
              <T id="col.about" />
            </th>
            <th scope="col">
              <T id="col.to" />
            </th>
            <th scope="col">
              <T id="col.by" />
            </th>
            <th scope="col">
              <T id="col.persons" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.data.disclosures.map((d) => (
            <tr key={d.id}>
              <td>{d.at.slice(0, 16).replace('T', ' ')}</td>
              <td>
                {d.kind}
                {d.format ? ` (${d.format})` : ''}
              </td>
              <td>
                <bdi>{d.subject ?? '–'}</bdi>
              </td>
              <td>{d.recipient}</td>
              <td>
                {d.actor} ({d.role})
              </td>
              <td>{d.persons}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** `GET /api/consent/bases`. */
type BasisList = CommandOutput<typeof listBases>;

/**
 * The operation's lawful bases (the latest declaration per purpose and state counts) and, for the
 * roles that may, the form that declares vital interests for a purpose or returns it to consent.
 */
export function LawfulBases() {
  const { can } = useSession();
  const list = useApi<BasisList>('/api/consent/bases');
  const [f, setF] = useState({
    purpose: 'carrier-sharing',
    state: '',
    basis: 'vital-interests',
    reason: '',
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const out = await api<{ basis: { purpose: string; state: string | null; basis: string } }>(
        '/api/consent/basis',
        {
          method: 'POST',
          body: {
            purpose: f.purpose,
            basis: f.basis,
            reason: f.reason,
            ...(f.purpose === 'referral' && f.state ? { state: f.state.toUpperCase() } : {}),
          },
        },
      );
      const b = out.basis;
      setDone(`${b.purpose}${b.state ? ` to ${b.state}` : ''}: basis ${b.basis} from now on.`);
      setF({ ...f, reason: '' });
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <div>
      <ErrorNote error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.bases.length === 0 && (
        <p className="muted">No declaration: every purpose asks each person for consent.</p>
      )}
      {list.data && list.data.bases.length > 0 && (
        <TableScroll>
          <table aria-label="Lawful bases">
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.declared" />
                </th>
                <th scope="col">
                  <T id="col.purpose" />
                </th>
                <th scope="col">
                  <T id="col.basis" />
                </th>
                <th scope="col">
                  <T id="col.by" />
                </th>
                <th scope="col">
                  <T id="col.reason" />
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.bases.map((b) => (
                <tr key={b.id}>
                  <td>{b.recordedAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>
                    {b.purpose}
                    {b.state ? ` to ${b.state}` : ''}
                  </td>
                  <td>{b.basis}</td>
                  <td>{b.actor}</td>
                  <td>{b.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {can('consent.declareBasis') && (
        <details>
          <summary>
            <T id="heading.declareBasis" />
          </summary>
          <form aria-label="Declare a lawful basis" onSubmit={(e) => void submit(e)}>
            <div className="row">
              <div>
                <label htmlFor="basis-purpose">Purpose</label>
                <select
                  id="basis-purpose"
                  value={f.purpose}
                  onChange={(e) => setF({ ...f, purpose: e.target.value })}
                >
                  {purposes.map((p) => (
                    <option key={p}>{p}</option>
                  ))}
                </select>
              </div>
              {f.purpose === 'referral' && (
                <div>
                  <label htmlFor="basis-state">State (ISO alpha-3)</label>
                  <input
                    id="basis-state"
                    value={f.state}
                    onChange={(e) => setF({ ...f, state: e.target.value })}
                  />
                </div>
              )}
              <div>
                <label htmlFor="basis-basis">Basis</label>
                <select
                  id="basis-basis"
                  value={f.basis}
                  onChange={(e) => setF({ ...f, basis: e.target.value })}
                >
                  <option value="vital-interests">vital interests (no per-person consent)</option>
                  <option value="consent">consent (ask each person again)</option>
                </select>
              </div>
            </div>
            <label htmlFor="basis-reason">Reason (about the operation, never about a person)</label>
            <textarea
              id="basis-reason"
              value={f.reason}
              onChange={(e) => setF({ ...f, reason: e.target.value })}
              rows={2}
              required
            />
            <button type="submit">Declare</button>
            {error && (
              <p className="error" role="alert">
                {error.field('reason') ?? error.field('state') ?? error.message}
              </p>
            )}
            {done && <p className="ok">{done}</p>}
          </form>
        </details>
      )}
    </div>
  );
}

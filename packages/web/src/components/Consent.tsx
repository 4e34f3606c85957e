/**
 * A case's consent per member and purpose, with a form for the roles that may record it, and the
 * disclosure log for those who read it (issue 20 item 4). What a role may do comes from /api/me.
 */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
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
  const t = useT();
  const { digits } = useNumbers();
  const purposeTo = (purpose: string, state: string | null) =>
    t('consent.purposeTo', {
      purpose: t('consentPurpose', codeOf(purpose)),
      state: state ?? 'none',
    });
  const decided = (decision: string) => t('consentDecision', codeOf(decision));
  const list = useApi<ConsentList>(
    can('consent.read') ? `/api/cases/${encodeURIComponent(props.id)}/consent` : null,
  );
  if (!can('consent.read')) return null;
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  const v = list.data;
  return (
    <section aria-label={t('heading.consent')} data-consent={props.id}>
      <h3>
        <T id="heading.consent" />
      </h3>
      <TableScroll>
        <table aria-label={t('consent.table')}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.person" />
              </th>
              {purposes
                .filter((p) => p !== 'referral')
                .map((p) => (
                  <th scope="col" key={p}>
                    {t('consentPurpose', codeOf(p))}
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
                      {decided(c.decision)}
                      {c.date ? ` (${digits(c.date)})` : ''}
                    </td>
                  ))}
                <td>
                  {p.current
                    .filter((c) => c.purpose === 'referral')
                    .map((c) => `${c.state}: ${decided(c.decision)}`)
                    .join(t('list.separator')) || t('consent.noReferral')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {v.bases.length > 0 && (
        <ul aria-label={t('consent.bases')}>
          {v.bases.map((b) => (
            <li key={b.id}>
              <T
                id="consent.basisLine"
                values={{
                  purpose: purposeTo(b.purpose, b.state),
                  basis: t('lawfulBasis', codeOf(b.basis)),
                  b: (chunks) => <strong>{chunks}</strong>,
                  since: digits(b.recordedAt.slice(0, 10)),
                  actor: b.actor,
                  reason: b.reason,
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {can('consent.record') && <RecordConsent id={props.id} onDone={list.reload} />}
      <details>
        <summary>{t('consent.history', { count: v.history.length })}</summary>
        <ul>
          {v.history.map((r) => (
            <li key={r.id}>
              {digits(r.date)} · <bdi>{r.personId}</bdi> · {purposeTo(r.purpose, r.state)} ·{' '}
              {decided(r.decision)} · {r.actor}
              {r.note ? ` · ${r.note}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function RecordConsent(props: { id: string; onDone: () => void }) {
  const t = useT();
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
      setDone(
        t('consent.recorded', {
          purpose: t('consentPurpose', codeOf(purpose)),
          decision: t('consentDecision', codeOf(decision)),
        }),
      );
      setNote('');
      props.onDone();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="row" aria-label={t('consent.record')} onSubmit={(e) => void submit(e)}>
      <div>
        <label htmlFor="consent-purpose">{t('consent.purpose')}</label>
        <select id="consent-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)}>
          {purposes.map((p) => (
            <option key={p} value={p}>
              {t('consentPurpose', codeOf(p))}
            </option>
          ))}
        </select>
      </div>
      {purpose === 'referral' && (
        <div>
          <label htmlFor="consent-state">{t('consent.state')}</label>
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
        <label htmlFor="consent-decision">{t('consent.decision')}</label>
        <select
          id="consent-decision"
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
        >
          {decisions.map((d) => (
            <option key={d} value={d}>
              {t('consentDecision', codeOf(d))}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="consent-person">{t('consent.person')}</label>
        <input id="consent-person" value={personId} onChange={(e) => setPersonId(e.target.value)} />
      </div>
      <div>
        <label htmlFor="consent-note">{t('consent.note')}</label>
        <input id="consent-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        {t('consent.record')}
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
  const t = useT();
  const { number, dateTime } = useNumbers();
  const rows = useApi<{ disclosures: DisclosureRow[] }>(
    `/api/disclosures${query({ caseId: props.caseId, limit: 200 })}`,
  );
  if (rows.error) return <ErrorNote error={rows.error} />;
  if (!rows.data) return <Loading />;
  if (rows.data.disclosures.length === 0)
    return <p className="muted">{t('consent.noDisclosures')}</p>;
  return (
    <TableScroll>
      <table aria-label={t('consent.disclosures')}>
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
              <td>{dateTime(d.at)}</td>
              <td>
                {t('disclosureKind', codeOf(d.kind))}
                {d.format ? ` (${d.format})` : ''}
              </td>
              <td>
                <bdi>{d.subject ?? '–'}</bdi>
              </td>
              <td>{d.recipient}</td>
              <td>
                {d.actor} ({t('app.role', codeOf(d.role))})
              </td>
              <td>{number(d.persons)}</td>
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
  const t = useT();
  const { dateTime } = useNumbers();
  const purposeTo = (purpose: string, state: string | null) =>
    t('consent.purposeTo', {
      purpose: t('consentPurpose', codeOf(purpose)),
      state: state ?? 'none',
    });
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
      setDone(
        t('consent.declared', {
          purpose: purposeTo(b.purpose, b.state),
          basis: t('lawfulBasis', codeOf(b.basis)),
        }),
      );
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
        <p className="muted">{t('consent.noDeclaration')}</p>
      )}
      {list.data && list.data.bases.length > 0 && (
        <TableScroll>
          <table aria-label={t('consent.basesTable')}>
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
                  <td>{dateTime(b.recordedAt)}</td>
                  <td>{purposeTo(b.purpose, b.state)}</td>
                  <td>{t('lawfulBasis', codeOf(b.basis))}</td>
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
          <form aria-label={t('heading.declareBasis')} onSubmit={(e) => void submit(e)}>
            <div className="row">
              <div>
                <label htmlFor="basis-purpose">{t('consent.purpose')}</label>
                <select
                  id="basis-purpose"
                  value={f.purpose}
                  onChange={(e) => setF({ ...f, purpose: e.target.value })}
                >
                  {purposes.map((p) => (
                    <option key={p} value={p}>
                      {t('consentPurpose', codeOf(p))}
                    </option>
                  ))}
                </select>
              </div>
              {f.purpose === 'referral' && (
                <div>
                  <label htmlFor="basis-state">{t('consent.state')}</label>
                  <input
                    id="basis-state"
                    value={f.state}
                    onChange={(e) => setF({ ...f, state: e.target.value })}
                  />
                </div>
              )}
              <div>
                <label htmlFor="basis-basis">{t('consent.basis')}</label>
                <select
                  id="basis-basis"
                  value={f.basis}
                  onChange={(e) => setF({ ...f, basis: e.target.value })}
                >
                  <option value="vital-interests">{t('consent.vital')}</option>
                  <option value="consent">{t('consent.askAgain')}</option>
                </select>
              </div>
            </div>
            <label htmlFor="basis-reason">{t('consent.reason')}</label>
            <textarea
              id="basis-reason"
              value={f.reason}
              onChange={(e) => setF({ ...f, reason: e.target.value })}
              rows={2}
              required
            />
            <button type="submit">{t('consent.declare')}</button>
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

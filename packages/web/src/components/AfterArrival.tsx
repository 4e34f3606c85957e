/**
 * After arrival on a case (issue 23 item 5): the confirmations, the form to confirm (or to issue a
 * single-use link for a partner), the follow-ups with the form to record one, and the handover of
 * the redacted case file. What a role may do comes from the server's permissions.
 */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import type {
  CommandOutput,
  createArrivalLink,
  listArrivals,
  listFollowUps,
} from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { followUpMonths, followUpOutcomes } from '../../../core/src/after-arrival.js';
import { api, ApiError, query } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

type Confirmations = CommandOutput<typeof listArrivals>;
type FollowUps = CommandOutput<typeof listFollowUps>;
type Link = CommandOutput<typeof createArrivalLink>;

/** The after-arrival panel of case `id` in `status`: shown from departure on. */
export function AfterArrival(props: { id: string; status: string; onChanged: () => void }) {
  const { can } = useSession();
  const t = useT();
  const { number, digits } = useNumbers();
  const id = encodeURIComponent(props.id);
  const shown = props.status === 'departed' || props.status === 'arrived';
  const confirmations = useApi<Confirmations>(
    shown ? `/api/arrivals${query({ caseId: props.id })}` : null,
  );
  const followUps = useApi<FollowUps>(
    shown ? `/api/follow-ups${query({ caseId: props.id })}` : null,
  );
  if (!shown) return null;
  const changed = () => {
    confirmations.reload();
    followUps.reload();
    props.onChanged();
  };
  return (
    <section aria-label={t('arrival.panel')} data-after-arrival={props.id}>
      <h3>
        <T id="heading.afterArrival" />
      </h3>
      <ErrorNote error={confirmations.error ?? followUps.error} />
      {!confirmations.data && !confirmations.error && <Loading />}
      {confirmations.data && confirmations.data.length === 0 && (
        <p className="muted">{t('arrival.none')}</p>
      )}
      {confirmations.data && confirmations.data.length > 0 && (
        <ul aria-label={t('arrival.confirmations')}>
          {confirmations.data.map((c) => (
            <li key={`${c.recordedAt}-${c.partner}`}>
              <T
                id="arrival.line"
                values={{
                  day: digits(c.arrivedOn),
                  partner: () => <bdi>{c.partner}</bdi>,
                  via: t('arrivalVia', codeOf(c.via)),
                  by: () => <bdi>{c.confirmedBy}</bdi>,
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {can('arrival.confirm') && <ConfirmForm path={`/api/cases/${id}/arrival`} onDone={changed} />}
      {can('arrival.link') && <LinkForm path={`/api/cases/${id}/arrival-link`} />}
      {followUps.data && followUps.data.length > 0 && (
        <TableScroll>
          <table aria-label={t('arrival.followUps')}>
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.month" />
                </th>
                <th scope="col">
                  <T id="col.due" />
                </th>
                <th scope="col">
                  <T id="col.done" />
                </th>
                <th scope="col">
                  <T id="col.outcome" />
                </th>
                <th scope="col">
                  <T id="col.by" />
                </th>
              </tr>
            </thead>
            <tbody>
              {followUps.data.map((f) => (
                <tr key={f.month} className={f.overdue ? 'overdue' : undefined}>
                  <td>{number(f.month)}</td>
                  <td>
                    {digits(f.dueOn)}
                    {f.overdue && <span className="badge">{t('arrival.overdue')}</span>}
                  </td>
                  <td>{f.doneOn ? digits(f.doneOn) : '–'}</td>
                  <td>{f.outcome ? t('followUpOutcome', codeOf(f.outcome)) : '–'}</td>
                  <td>
                    <bdi>{f.recordedBy ?? '–'}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {can('arrival.followUp') && followUps.data && followUps.data.length > 0 && (
        <FollowUpForm path={`/api/cases/${id}/follow-ups`} onDone={followUps.reload} />
      )}
      {can('arrival.handover') && props.status === 'arrived' && (
        <Handover path={`/api/cases/${id}/handover`} caseId={props.id} />
      )}
    </section>
  );
}

/** Runs `act`, showing an API refusal through `setError` (cleared first); anything else throws. */
async function attempt(act: () => Promise<void>, setError: (e: ApiError | undefined) => void) {
  setError(undefined);
  try {
    await act();
  } catch (err) {
    if (err instanceof ApiError) setError(err);
    else throw err;
  }
}

function ConfirmForm(props: { path: string; onDone: () => void }) {
  const t = useT();
  const [partner, setPartner] = useState('');
  const [day, setDay] = useState('');
  const [error, setError] = useState<ApiError>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await attempt(async () => {
      await api(props.path, {
        method: 'POST',
        body: { partner, ...(day ? { arrivedOn: day } : {}) },
      });
      setPartner('');
      props.onDone();
    }, setError);
  };
  return (
    <form onSubmit={submit} aria-label={t('arrival.confirm')}>
      <label>
        {t('arrival.confirmedBy')}{' '}
        <input value={partner} onChange={(e) => setPartner(e.target.value)} required />
      </label>{' '}
      <label>
        {t('arrival.day')}{' '}
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </label>{' '}
      <button type="submit">{t('arrival.confirm')}</button>
      <ErrorNote error={error} />
    </form>
  );
}

function LinkForm(props: { path: string }) {
  const t = useT();
  const { dateTime } = useNumbers();
  const [partner, setPartner] = useState('');
  const [link, setLink] = useState<Link>();
  const [error, setError] = useState<ApiError>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await attempt(async () => {
      setLink(await api<Link>(props.path, { method: 'POST', body: { partner } }));
    }, setError);
  };
  return (
    <details>
      <summary>
        <T id="heading.partnerLink" />
      </summary>
      <form onSubmit={submit} aria-label={t('arrival.issue')}>
        <label>
          {t('arrival.for')}{' '}
          <input value={partner} onChange={(e) => setPartner(e.target.value)} required />
        </label>{' '}
        <button type="submit">{t('arrival.issueLink')}</button>
        <ErrorNote error={error} />
      </form>
      {link && (
        <p role="status" data-link={link.id}>
          <T
            id="arrival.link"
            values={{
              until: dateTime(link.expiresAt),
              page: () => <code>{`${window.location.origin}${link.page}`}</code>,
              path: () => <code>{`${window.location.origin}${link.path}`}</code>,
            }}
          />
        </p>
      )}
    </details>
  );
}

function FollowUpForm(props: { path: string; onDone: () => void }) {
  const t = useT();
  const [month, setMonth] = useState<number>(followUpMonths[0]);
  const [outcome, setOutcome] = useState<string>(followUpOutcomes[0]);
  const [error, setError] = useState<ApiError>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await attempt(async () => {
      await api(props.path, { method: 'POST', body: { month, outcome } });
      props.onDone();
    }, setError);
  };
  return (
    <form onSubmit={submit} aria-label={t('arrival.recordFollowUp')}>
      <label>
        {t('arrival.followUp')}{' '}
        <select value={month} onChange={(e) => setMonth(Number(e.target.value))}>
          {followUpMonths.map((m) => (
            <option key={m} value={m}>
              {t('arrival.months', { months: m })}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('arrival.outcome')}{' '}
        <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {followUpOutcomes.map((o) => (
            <option key={o} value={o}>
              {t('followUpOutcome', codeOf(o))}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit">{t('arrival.record')}</button>
      <ErrorNote error={error} />
    </form>
  );
}

function Handover(props: { path: string; caseId: string }) {
  const t = useT();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const handOver = async () => {
    setDone(undefined);
    await attempt(async () => {
      const file = await api<{ to: { state: string }; members: unknown[] }>(props.path);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `handover-${props.caseId}.json`;
      a.click();
      URL.revokeObjectURL(url);
      setDone(t('arrival.handedOver', { state: file.to.state, count: file.members.length }));
    }, setError);
  };
  return (
    <p>
      <button type="button" onClick={() => void handOver()}>
        {t('arrival.handOver')}
      </button>{' '}
      {done && <span role="status">{done}</span>}
      <ErrorNote error={error} />
    </p>
  );
}

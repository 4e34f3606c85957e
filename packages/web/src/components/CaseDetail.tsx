/** One case as the role may see it, with the workflow moves and locks the role may make. */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import {
  checkTransition,
  nextStatuses,
  preDepartureStatuses,
  type CaseStatus,
} from '../lib/workflow.js';
import type { CommandOutput, listLocks } from '@corridor/commands';
import { Fragment, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { describeFields } from '../lib/field-labels.js';
import type { CaseView } from '../lib/case-types.js';
import { useSession } from '../lib/session.js';
import type { DestinationRow } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { AfterArrival } from './AfterArrival.js';
import { AppealList, GrievanceLog } from './Grievances.js';
import { ContactForm } from './Messages.js';
import { AddPerson, EditPerson, RemovePerson } from './PersonEditor.js';
import { ConsentPanel } from './Consent.js';
import { CaseProceduresPanel } from './Procedures.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

const hidden = (
  <span className="muted">
    <T id="ui.hiddenForRole" />
  </span>
);

/** Loads and shows case `id`; `onChanged` hears of every workflow move and lock made here. */
export function CaseDetail(props: { id: string; onChanged?: () => void }) {
  const { can } = useSession();
  const t = useT();
  const { number, digits, dateTime } = useNumbers();
  const c = useApi<CaseView>(`/api/cases/${encodeURIComponent(props.id)}`);
  // The member being corrected or removed, or 'add' for a new one.
  const [editing, setEditing] = useState<
    { id: string; mode: 'edit' | 'remove' | 'contact' } | 'add' | null
  >(null);
  const mayEdit = can('person.update');
  const mayRemove = can('person.remove');
  const mayContact = can('message.contact');
  const changed = () => {
    c.reload();
    props.onChanged?.();
  };
  if (c.error) return <ErrorNote error={c.error} />;
  if (!c.data) return <Loading />;
  const v = c.data;
  // A document that expired (or a member without one) stops travel: said, not left to be noticed.
  const today = new Date().toISOString().slice(0, 10);
  const name = (m: CaseView['members'][number]) =>
    m.erased
      ? t('case.erased')
      : m.pii?.givenName || m.pii?.familyName
        ? `${m.pii.givenName ?? ''} ${m.pii.familyName ?? ''}`.trim()
        : null;
  return (
    <div data-case={v.id}>
      <p>
        <T
          id="case.summary"
          values={{
            status: () => (
              <span className="badge" data-testid="case-status">
                {t('caseStatus', codeOf(v.status))}
              </span>
            ),
            origin: v.originCountry,
            languages: v.languages.join(t('list.separator')) || '–',
            ready: v.readyDate ? digits(v.readyDate) : '–',
            priority: number(v.priority),
          }}
        />
      </p>
      {v.hiddenFields.length > 0 && (
        <p className="muted">
          {t('case.hiddenFields', { fields: describeFields(t, v.hiddenFields) })}
        </p>
      )}
      <Workflow view={v} onChanged={changed} />
      <h3>
        <T id="heading.members" />
      </h3>
      <TableScroll>
        <table aria-label={t('case.members')}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.person" />
              </th>
              <th scope="col">
                <T id="col.name" />
              </th>
              <th scope="col">
                <T id="col.sexBorn" />
              </th>
              <th scope="col">
                <T id="col.needs" />
              </th>
              <th scope="col">
                <T id="col.documents" />
              </th>
              <th scope="col">
                <T id="col.contact" />
              </th>
              {(mayEdit || mayRemove || mayContact) && (
                <th scope="col">
                  <T id="col.change" />
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {v.members.map((m) => (
              <Fragment key={m.id}>
                <tr>
                  <td>
                    <bdi>{m.id}</bdi>
                    {m.isHead ? t('case.head') : ''}
                  </td>
                  <td>{name(m) ?? hidden}</td>
                  <td>
                    {m.sex ?? '–'}
                    {t('list.separator')}
                    {m.pii?.birthDate
                      ? digits(m.pii.birthDate)
                      : m.birthYear
                        ? digits(String(m.birthYear))
                        : '–'}
                  </td>
                  <td>{m.needs.map((n) => `${n.code}${n.severity}`).join(' ') || '–'}</td>
                  <td>
                    {m.documents.map((d) => (
                      <div key={d.id}>
                        {t('documentType', codeOf(d.type))} {d.issuer}{' '}
                        {d.number ??
                          (v.hiddenFields.includes('documentNumber') ? t('case.numberHidden') : '')}
                        {d.expiry ? t('case.expires', { date: digits(d.expiry) }) : ''}
                        {d.expiry && d.expiry < today && (
                          <strong className="warn" data-warning="expired">
                            {' '}
                            {t('case.expired')}
                          </strong>
                        )}
                      </div>
                    ))}
                    {m.documents.length === 0 && !m.erased && (
                      <strong className="warn" data-warning="no-document">
                        {t('case.noDocument')}
                      </strong>
                    )}
                  </td>
                  <td>
                    {v.hiddenFields.includes('phone') && !m.pii?.phone && !m.pii?.email
                      ? hidden
                      : [m.pii?.phone, m.pii?.email].filter(Boolean).join(', ') || '–'}
                  </td>
                  {(mayEdit || mayRemove || mayContact) && (
                    <td>
                      {mayEdit && !m.erased && !m.mergedInto && (
                        <button
                          type="button"
                          onClick={() => setEditing({ id: m.id, mode: 'edit' })}
                        >
                          {t('case.correct')}
                        </button>
                      )}{' '}
                      {mayContact && !m.erased && !m.mergedInto && (
                        <button
                          type="button"
                          onClick={() => setEditing({ id: m.id, mode: 'contact' })}
                        >
                          {t('case.contact')}
                        </button>
                      )}{' '}
                      {mayRemove && !m.isHead && !m.erased && (
                        <button
                          type="button"
                          onClick={() => setEditing({ id: m.id, mode: 'remove' })}
                        >
                          {t('case.remove')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
                {editing !== null && editing !== 'add' && editing.id === m.id && (
                  <tr>
                    <td colSpan={7}>
                      {editing.mode === 'edit' ? (
                        <EditPerson member={m} onSaved={changed} onClose={() => setEditing(null)} />
                      ) : editing.mode === 'contact' ? (
                        <ContactForm
                          personId={m.id}
                          onSaved={changed}
                          onClose={() => setEditing(null)}
                        />
                      ) : (
                        <RemovePerson
                          member={m}
                          onSaved={changed}
                          onClose={() => setEditing(null)}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {can('person.add') &&
        (editing === 'add' ? (
          <AddPerson caseId={v.id} onSaved={changed} onClose={() => setEditing(null)} />
        ) : (
          <button type="button" onClick={() => setEditing('add')}>
            {t('case.addPerson')}
          </button>
        ))}
      {v.members.some((m) => m.pii?.protectionNote) && (
        <>
          <h3>
            <T id="heading.protectionNotes" />
          </h3>
          <ul>
            {v.members
              .filter((m) => m.pii?.protectionNote)
              .map((m) => (
                <li key={m.id}>
                  {m.id}: {m.pii!.protectionNote}
                </li>
              ))}
          </ul>
        </>
      )}
      <h3>
        <T id="heading.wishes" />
      </h3>
      <p>
        {t('case.preferences', {
          list: v.preferences.length
            ? v.preferences
                .sort((a, b) => a.rank - b.rank)
                .map((p) => `${number(p.rank)}. ${p.destinationId}`)
                .join(t('list.separator'))
            : '–',
        })}
        <br />
        {t('case.ties', {
          list:
            v.ties
              .map((tie) => `${tie.country} (${t('tieKind', codeOf(tie.kind))})`)
              .join(t('list.separator')) || '–',
        })}
        <br />
        {t('case.links', {
          list:
            v.links
              .map((l) => `${l.a === v.id ? l.b : l.a} (${t('linkKind', codeOf(l.kind))})`)
              .join(t('list.separator')) || '–',
        })}
      </p>
      <ConsentPanel id={v.id} />
      <CaseProceduresPanel id={v.id} onChanged={changed} />
      <h3>
        <T id="heading.history" />
      </h3>
      <TableScroll>
        <table aria-label={t('case.history')}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.when" />
              </th>
              <th scope="col">
                <T id="col.move" />
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
            {v.history.map((h, i) => (
              <tr key={i}>
                <td>{dateTime(h.at)}</td>
                <td>
                  {h.change ??
                    t('case.move', {
                      from: h.from ? t('caseStatus', codeOf(h.from)) : '–',
                      to: t('caseStatus', codeOf(h.to)),
                    })}
                </td>
                <td>
                  {h.actor} ({t('app.role', codeOf(h.role))})
                </td>
                <td>{h.reason ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {can('arrival.read') && <AfterArrival id={v.id} status={v.status} onChanged={changed} />}
      {can('grievance.read') && (
        <>
          <h3>
            <T id="heading.grievances" />
          </h3>
          <GrievanceLog caseId={v.id} />
        </>
      )}
      {can('appeal.read') && (
        <>
          <h3>
            <T id="heading.appeals" />
          </h3>
          <AppealList caseId={v.id} />
        </>
      )}
    </div>
  );
}

/** The status a held or missing case returns to: the last one before it left the main line. */
function resumeTarget(view: CaseView): CaseStatus | undefined {
  if (view.status !== 'on-hold' && view.status !== 'missing') return undefined;
  // A record edit's line keeps the status (from = to): it is not the move into the side state.
  const last = [...view.history].reverse().find((h) => h.to === view.status && h.from !== h.to);
  return last?.from && preDepartureStatuses.includes(last.from) ? last.from : undefined;
}

function Workflow(props: { view: CaseView; onChanged: () => void }) {
  const t = useT();
  const status = (s: string) => t('caseStatus', codeOf(s));
  const { me, can } = useSession();
  const [to, setTo] = useState<CaseStatus | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const v = props.view;
  const resume = resumeTarget(v);
  const moves = can('case.transition')
    ? nextStatuses(v.status).filter((s) => !checkTransition(v.status, s, me.role, resume))
    : [];
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    setError(undefined);
    try {
      await api(`/api/cases/${v.id}/status`, { method: 'POST', body: { to, reason } });
      setDone(t('case.movedTo', { status: status(to) }));
      setTo(null);
      setReason('');
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <div className="workflow">
      {moves.length > 0 && (
        <div className="row" role="group" aria-label={t('case.workflow')}>
          {moves.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={to === s}
              onClick={() => setTo(to === s ? null : s)}
            >
              {t('case.moveTo', { status: status(s) })}
            </button>
          ))}
        </div>
      )}
      {to && (
        <form className="row" onSubmit={(e) => void submit(e)}>
          <div>
            <label htmlFor="reason">{t('case.reasonFor', { status: status(to) })}</label>
            <input
              id="reason"
              required
              minLength={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <button type="submit" className="primary">
            {t('case.confirm')}
          </button>
        </form>
      )}
      <Locks id={v.id} onChanged={props.onChanged} />
      <ErrorNote error={error} />
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
    </div>
  );
}

/** A planner's lock as `GET /api/locks` lists it. */
type LockRow = CommandOutput<typeof listLocks>[number];

function Locks(props: { id: string; onChanged: () => void }) {
  const t = useT();
  const { can } = useSession();
  const mayLock = can('plan.lock');
  const mayUnlock = mayLock;
  const destinations = useApi<DestinationRow[]>(mayLock ? '/api/destinations' : null);
  const locks = useApi<LockRow[]>((mayLock || mayUnlock) && can('plan.read') ? '/api/locks' : null);
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  if (!mayLock && !mayUnlock) return null;
  const lock = locks.data?.find((l) => l.householdId === props.id);
  const send = async (kind: 'lock' | 'unlock') => {
    setError(undefined);
    try {
      await api(`/api/cases/${props.id}/${kind}`, {
        method: 'POST',
        ...(kind === 'lock' ? { body: { destinationId: destination, reason } } : {}),
      });
      setMessage(kind === 'lock' ? t('lock.locked', { destination }) : t('lock.unlocked'));
      locks.reload();
      props.onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="row" aria-label={t('lock.form')} onSubmit={(e) => e.preventDefault()}>
      {lock && (
        <p className="lock-now" data-lock={props.id}>
          {t('lock.now', {
            destination: lock.destinationId ?? 'none',
            movement: lock.movementId ?? 'none',
            actor: lock.actor,
            reason: lock.reason,
          })}
        </p>
      )}
      {mayLock && (
        <div>
          <label htmlFor="lock-destination">{t('lock.to')}</label>
          <select
            id="lock-destination"
            value={destination}
            onChange={(e) => setDestination(e.target.value)}
          >
            <option value="">{t('lock.choose')}</option>
            {destinations.data?.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id} · {d.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {mayLock && (
        <div>
          <label htmlFor="lock-reason">{t('lock.reason')}</label>
          <input id="lock-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
      {mayLock && (
        <button
          type="button"
          disabled={!destination || reason.length < 3}
          onClick={() => void send('lock')}
        >
          {t('lock.lock')}
        </button>
      )}
      {mayUnlock && lock && (
        <button type="button" onClick={() => void send('unlock')}>
          {t('lock.unlock')}
        </button>
      )}
      <ErrorNote error={error} />
      {message && (
        <span className="ok" role="status">
          {message}
        </span>
      )}
    </form>
  );
}

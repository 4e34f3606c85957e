/**
 * Retention and legal holds in the web (issue 20 item 5): the schedule per data category (set by
 * an administrator), the retention job (a dry run first, then the real one, as a job) and its
 * reports, and the legal holds with the forms to place and release one. What a role may do comes
 * from the server's permissions; a hold's reason shows only to roles that may read it.
 */
import { codeOf, T } from '../i18n/use-t.js';
import { useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../lib/api.js';
import {
  maxRetentionDays,
  retentionCategoryInfo,
  type LegalHold,
  type RetentionReport,
  type Schedule,
} from '../lib/retention-types.js';
import { useSession } from '../lib/session.js';
import { useApi, type Loaded } from '../lib/use-api.js';
import { JobRunner } from './JobRunner.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

const hidden = <span className="muted">hidden for your role</span>;
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The schedules; an administrator edits one category's period and anchor in its row. */
export function RetentionSchedules() {
  const { can } = useSession();
  const list = useApi<{ schedules: Schedule[] }>('/api/retention');
  return (
    <div>
      <ErrorNote error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <TableScroll>
          <table aria-label="Retention schedules">
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.category" />
                </th>
                <th scope="col">
                  <T id="col.holds" />
                </th>
                <th scope="col">
                  <T id="col.kept" />
                </th>
                <th scope="col">
                  <T id="col.then" />
                </th>
                <th scope="col">
                  <T id="col.setBy" />
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.schedules.map((s) => (
                <tr key={s.category} data-category={s.category}>
                  <th scope="row">
                    <T id="retentionCategory" values={codeOf(s.category)} />
                  </th>
                  <td>{s.what}</td>
                  <td>
                    {can('retention.set') ? (
                      <ScheduleForm schedule={s} onSaved={list.reload} />
                    ) : (
                      <>
                        {s.days.toLocaleString('en')} days after {s.after}
                      </>
                    )}
                  </td>
                  <td>{s.action === 'shred' ? 'shredded' : 'reported'}</td>
                  <td>
                    {s.isDefault ? (
                      <span className="muted">default</span>
                    ) : (
                      <>
                        {s.updatedBy} · {s.updatedAt ? when(s.updatedAt) : ''}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

/** One category's period and anchor, saved with `PUT /api/retention`; a refusal shows beside it. */
function ScheduleForm(props: { schedule: Schedule; onSaved: () => void }) {
  const s = props.schedule;
  const [days, setDays] = useState(String(s.days));
  const [after, setAfter] = useState<string>(s.after);
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const anchors = retentionCategoryInfo[s.category].anchors;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await api('/api/retention', {
        method: 'PUT',
        body: { category: s.category, days, after },
      });
      setSaved(true);
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const daysId = `retention-days-${s.category}`;
  const afterId = `retention-after-${s.category}`;
  return (
    <form
      className="inline-form"
      aria-label={`Schedule for ${s.category}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <label htmlFor={daysId}>Days</label>{' '}
      <input
        id={daysId}
        type="number"
        min={0}
        max={maxRetentionDays}
        value={days}
        onChange={(e) => setDays(e.target.value)}
        aria-invalid={error?.field('days') ? true : undefined}
        className="narrow"
      />{' '}
      <label htmlFor={afterId}>after</label>{' '}
      <select id={afterId} value={after} onChange={(e) => setAfter(e.target.value)}>
        {anchors.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </select>{' '}
      <button type="submit">Save</button>
      {error && (
        <p className="error" role="alert">
          {error.field('days') ?? error.field('after') ?? error.message}
        </p>
      )}
      {saved && <span className="ok"> saved</span>}
    </form>
  );
}

/** The job: a dry run says what would go, the run shreds it; both show the report. */
export function RetentionRun(props: { onDone: () => void }) {
  const { can } = useSession();
  return (
    <div className="row">
      <JobRunner
        name="retention-dry-run"
        label="What is due? (dry run)"
        post={{ path: '/api/retention/run', body: { dryRun: true } }}
        canCancel={can('plan.cancelJob')}
        render={(r) => <ReportView report={r as RetentionReport} />}
      />
      <JobRunner
        name="retention-run"
        label="Apply the schedules now"
        post={{ path: '/api/retention/run', body: {} }}
        canCancel={can('plan.cancelJob')}
        onDone={props.onDone}
        render={(r) => <ReportView report={r as RetentionReport} />}
      />
    </div>
  );
}

/** One report: per category what was due, shredded and held, and what remains on disk. */
export function ReportView(props: { report: RetentionReport }) {
  const r = props.report;
  return (
    <div data-report={r.id ?? 'dry-run'}>
      <p>
        {r.dryRun ? 'Dry run (nothing written)' : `Report ${r.id}`} · {when(r.ranAt)} by {r.actor}
        {' · '}
        {r.activeHolds} active legal {r.activeHolds === 1 ? 'hold' : 'holds'}
      </p>
      <TableScroll>
        <table aria-label={r.dryRun ? 'Due now' : `Retention report ${r.id}`}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.category" />
              </th>
              <th scope="col">
                <T id="col.cutoff" />
              </th>
              <th scope="col">
                <T id="col.due" />
              </th>
              <th scope="col">
                <T id={r.dryRun ? 'col.wouldGo' : 'col.shredded'} />
              </th>
              <th scope="col">
                <T id="col.keptByHold" />
              </th>
              <th scope="col">
                <T id="col.persons" />
              </th>
              <th scope="col">
                <T id="col.remains" />
              </th>
            </tr>
          </thead>
          <tbody>
            {r.categories.map((c) => (
              <tr key={c.category} data-category={c.category}>
                <th scope="row">
                  <T id="retentionCategory" values={codeOf(c.category)} />
                </th>
                <td>{c.cutoff.slice(0, 10)}</td>
                <td data-cell="due">{c.due}</td>
                <td data-cell="shredded">{c.action === 'report' ? '–' : c.shredded}</td>
                <td data-cell="held">{c.held}</td>
                <td>
                  {c.persons.length === 0 ? (
                    '–'
                  ) : (
                    <bdi>
                      {c.persons.slice(0, 12).join(', ')}
                      {c.persons.length > 12 ? ` and ${c.persons.length - 12} more` : ''}
                    </bdi>
                  )}
                </td>
                <td>{c.remains}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

/** The reports the job kept (`list` of `GET /api/retention/reports`), newest first; the first open. */
export function RetentionReports(props: { list: Loaded<{ reports: RetentionReport[] }> }) {
  const { list } = props;
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.reports.length === 0)
    return <p className="muted">The retention job has not run on this operation yet.</p>;
  return (
    <div>
      {list.data.reports.slice(0, 10).map((r, i) => (
        <details key={r.id ?? i} open={i === 0}>
          <summary>
            {r.id} · {when(r.ranAt)} · {r.actor} · shredded{' '}
            {r.categories.reduce((s, c) => s + c.shredded, 0)}
            {r.finalBy
              ? ` · ${r.final ? 'final' : 'final at the latest'} on disk ${when(r.finalBy)}`
              : ''}
          </summary>
          <ReportView report={r} />
        </details>
      ))}
    </div>
  );
}

/** The legal holds, with the forms to place one and to release one (roles that may). */
export function LegalHolds() {
  const { can } = useSession();
  const [activeOnly, setActiveOnly] = useState(true);
  const list = useApi<{ holds: LegalHold[] }>(
    `/api/legal-holds${query({ active: activeOnly ? 'true' : undefined })}`,
  );
  const [error, setError] = useState<ApiError | undefined>();
  const release = async (h: LegalHold) => {
    setError(undefined);
    try {
      await api('/api/legal-holds/release', {
        method: 'POST',
        body: { [h.subject]: h.subjectId },
      });
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <div>
      {can('retention.hold') && <HoldForm onPlaced={list.reload} />}
      <label>
        <input
          type="checkbox"
          checked={activeOnly}
          onChange={(e) => setActiveOnly(e.target.checked)}
        />{' '}
        Only holds in force
      </label>
      <ErrorNote error={error ?? list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.holds.length === 0 && <p className="muted">No legal holds.</p>}
      {list.data && list.data.holds.length > 0 && (
        <TableScroll>
          <table aria-label="Legal holds">
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.hold" />
                </th>
                <th scope="col">
                  <T id="col.on" />
                </th>
                <th scope="col">
                  <T id="col.reason" />
                </th>
                <th scope="col">
                  <T id="col.placed" />
                </th>
                <th scope="col">
                  <T id="col.released" />
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.holds.map((h) => (
                <tr key={h.id} data-hold={h.id}>
                  <td>
                    <bdi>{h.id}</bdi>
                  </td>
                  <td>
                    {h.subject} <bdi>{h.subjectId}</bdi>
                  </td>
                  <td>{h.reason ?? hidden}</td>
                  <td>
                    {h.placedBy} · {when(h.placedAt)}
                  </td>
                  <td>
                    {h.releasedAt ? (
                      <>
                        {h.releasedBy} · {when(h.releasedAt)}
                      </>
                    ) : can('retention.hold') ? (
                      <button type="button" onClick={() => void release(h)}>
                        Release
                      </button>
                    ) : (
                      'in force'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

/** Places a hold on a person or a case, with the reason (sealed under their keys). */
function HoldForm(props: { onPlaced: () => void }) {
  const [subject, setSubject] = useState<'person' | 'case'>('case');
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setDone(null);
    try {
      const h = await api<LegalHold>('/api/legal-holds', {
        method: 'POST',
        body: { [subject]: id.trim(), reason },
      });
      setDone(`Placed ${h.id} on ${h.subject} ${h.subjectId}.`);
      setId('');
      setReason('');
      props.onPlaced();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <details>
      <summary>
        <T id="heading.placeHold" />
      </summary>
      <form aria-label="Place a legal hold" onSubmit={(e) => void submit(e)}>
        <div className="row">
          <div>
            <label htmlFor="hold-subject">On a</label>
            <select
              id="hold-subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value as 'person' | 'case')}
            >
              <option value="case">case (all its members)</option>
              <option value="person">person</option>
            </select>
          </div>
          <div>
            <label htmlFor="hold-id">{subject === 'case' ? 'Case' : 'Person'}</label>
            <input id="hold-id" value={id} onChange={(e) => setId(e.target.value)} required />
          </div>
        </div>
        <label htmlFor="hold-reason">Reason (a protection note: hidden from other roles)</label>
        <textarea
          id="hold-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          rows={2}
        />
        <button type="submit">Place the hold</button>
        <ErrorNote error={error} />
        {done && <p className="ok">{done}</p>}
      </form>
    </details>
  );
}

/**
 * Retention and legal holds in the web (issue 20 item 5): the schedule per data category (set by
 * an administrator), the retention job (a dry run first, then the real one, as a job) and its
 * reports, and the legal holds with the forms to place and release one. What a role may do comes
 * from the server's permissions; a hold's reason shows only to roles that may read it.
 */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
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

const hidden = (
  <span className="muted">
    <T id="ui.hiddenForRole" />
  </span>
);

/** The schedules; an administrator edits one category's period and anchor in its row. */
export function RetentionSchedules() {
  const { can } = useSession();
  const t = useT();
  const { number, dateTime } = useNumbers();
  const list = useApi<{ schedules: Schedule[] }>('/api/retention');
  return (
    <div>
      <ErrorNote error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <TableScroll>
          <table aria-label={t('retention.schedules')}>
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
                  <td>{t('retentionWhat', { ...codeOf(s.category), raw: s.what })}</td>
                  <td>
                    {can('retention.set') ? (
                      <ScheduleForm schedule={s} onSaved={list.reload} />
                    ) : (
                      t('retention.daysAfter', {
                        days: number(s.days),
                        after: t('retentionAnchor', codeOf(s.after)),
                      })
                    )}
                  </td>
                  <td>{t('retention.action', codeOf(s.action))}</td>
                  <td>
                    {s.isDefault ? (
                      <span className="muted">{t('retention.default')}</span>
                    ) : (
                      <>
                        {s.updatedBy} · {s.updatedAt ? dateTime(s.updatedAt) : ''}
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
  const t = useT();
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
      aria-label={t('retention.scheduleFor', {
        category: t('retentionCategory', codeOf(s.category)),
      })}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <label htmlFor={daysId}>{t('retention.days')}</label>{' '}
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
      <label htmlFor={afterId}>{t('retention.after')}</label>{' '}
      <select id={afterId} value={after} onChange={(e) => setAfter(e.target.value)}>
        {anchors.map((a) => (
          <option key={a} value={a}>
            {t('retentionAnchor', codeOf(a))}
          </option>
        ))}
      </select>{' '}
      <button type="submit">{t('retention.save')}</button>
      {error && (
        <p className="error" role="alert">
          {error.field('days') ?? error.field('after') ?? error.message}
        </p>
      )}
      {saved && <span className="ok">{t('retention.saved')}</span>}
    </form>
  );
}

/** The job: a dry run says what would go, the run shreds it; both show the report. */
export function RetentionRun(props: { onDone: () => void }) {
  const { can } = useSession();
  const t = useT();
  return (
    <div className="row">
      <JobRunner
        name="retention-dry-run"
        label={t('retention.dryRun')}
        post={{ path: '/api/retention/run', body: { dryRun: true } }}
        canCancel={can('plan.cancelJob')}
        render={(r) => <ReportView report={r as RetentionReport} />}
      />
      <JobRunner
        name="retention-run"
        label={t('retention.apply')}
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
  const t = useT();
  const { number, digits, dateTime } = useNumbers();
  const r = props.report;
  return (
    <div data-report={r.id ?? 'dry-run'}>
      <p>
        {r.dryRun ? t('retention.dryRunHead') : t('retention.report', { id: r.id ?? '–' })} ·{' '}
        {t('retention.ranBy', { at: dateTime(r.ranAt), actor: r.actor })}
        {' · '}
        {t('retention.holds', { count: r.activeHolds })}
      </p>
      <TableScroll>
        <table
          aria-label={
            r.dryRun ? t('retention.dueNow') : t('retention.reportTable', { id: r.id ?? '–' })
          }
        >
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
                <td>{digits(c.cutoff.slice(0, 10))}</td>
                <td data-cell="due">{number(c.due)}</td>
                <td data-cell="shredded">{c.action === 'report' ? '–' : number(c.shredded)}</td>
                <td data-cell="held">{number(c.held)}</td>
                <td>
                  {c.persons.length === 0 ? (
                    '–'
                  ) : (
                    <bdi>
                      {c.persons.slice(0, 12).join(t('list.separator'))}
                      {c.persons.length > 12
                        ? t('retention.more', { count: number(c.persons.length - 12) })
                        : ''}
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
  const t = useT();
  const { number, dateTime } = useNumbers();
  if (list.error) return <ErrorNote error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.reports.length === 0) return <p className="muted">{t('retention.notRun')}</p>;
  return (
    <div>
      {list.data.reports.slice(0, 10).map((r, i) => (
        <details key={r.id ?? i} open={i === 0}>
          <summary>
            {t('retention.summary', {
              id: r.id ?? '–',
              at: dateTime(r.ranAt),
              actor: r.actor,
              count: number(r.categories.reduce((s, c) => s + c.shredded, 0)),
            })}
            {r.finalBy
              ? ` · ${t('retention.finalAt', { final: r.final ? 'yes' : 'no', at: dateTime(r.finalBy) })}`
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
  const t = useT();
  const { dateTime } = useNumbers();
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
        {t('retention.onlyInForce')}
      </label>
      <ErrorNote error={error ?? list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.holds.length === 0 && (
        <p className="muted">{t('retention.noHolds')}</p>
      )}
      {list.data && list.data.holds.length > 0 && (
        <TableScroll>
          <table aria-label={t('retention.holdsTable')}>
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
                    {t('holdSubject', codeOf(h.subject))} <bdi>{h.subjectId}</bdi>
                  </td>
                  <td>{h.reason ?? hidden}</td>
                  <td>
                    {h.placedBy} · {dateTime(h.placedAt)}
                  </td>
                  <td>
                    {h.releasedAt ? (
                      <>
                        {h.releasedBy} · {dateTime(h.releasedAt)}
                      </>
                    ) : can('retention.hold') ? (
                      <button type="button" onClick={() => void release(h)}>
                        {t('retention.release')}
                      </button>
                    ) : (
                      t('retention.inForce')
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
  const t = useT();
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
      setDone(
        t('retention.placed', {
          id: h.id,
          subject: t('holdSubject', codeOf(h.subject)),
          subjectId: h.subjectId,
        }),
      );
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
      <form aria-label={t('retention.holdForm')} onSubmit={(e) => void submit(e)}>
        <div className="row">
          <div>
            <label htmlFor="hold-subject">{t('retention.onA')}</label>
            <select
              id="hold-subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value as 'person' | 'case')}
            >
              <option value="case">{t('retention.caseAll')}</option>
              <option value="person">{t('retention.person')}</option>
            </select>
          </div>
          <div>
            <label htmlFor="hold-id">{t('retention.subjectLabel', { subject })}</label>
            <input id="hold-id" value={id} onChange={(e) => setId(e.target.value)} required />
          </div>
        </div>
        <label htmlFor="hold-reason">{t('retention.reason')}</label>
        <textarea
          id="hold-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          rows={2}
        />
        <button type="submit">{t('retention.place')}</button>
        <ErrorNote error={error} />
        {done && <p className="ok">{done}</p>}
      </form>
    </details>
  );
}

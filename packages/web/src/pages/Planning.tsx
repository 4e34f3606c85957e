/** Planning: run allocation and timetable as jobs, compare plans, explanations, fairness, disruptions. */
import { useCallback, useState } from 'react';
import { Disruption } from '../components/Disruption.js';
import { Explain } from '../components/Explain.js';
import { Fairness } from '../components/Fairness.js';
import { JobRunner } from '../components/JobRunner.js';
import { PlanCompare } from '../components/PlanCompare.js';
import { PlanResult } from '../components/PlanResult.js';
import { PledgeDesk } from '../components/Pledges.js';
import { ErrorNote, Loading, NotAvailable, Panel } from '../components/ui.js';
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import { useSession } from '../lib/session.js';
import type { PlanHeader } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

/** The planning page. */
export function Planning() {
  const t = useT();
  const { number, dateTime } = useNumbers();
  const { can } = useSession();
  const plans = useApi<PlanHeader[]>('/api/plans');
  const { reload } = plans;
  const onDone = useCallback(() => reload(), [reload]);
  const [joint, setJoint] = useState(false);
  const [averse, setAverse] = useState(false);
  const canCancel = can('plan.cancelJob');
  const mayAllocate = can('plan.run');
  const maySchedule = can('plan.run');

  return (
    <div className="grid">
      {(mayAllocate || maySchedule) && (
        <Panel title={t('planning.run')} wide>
          {mayAllocate && (
            <>
              <h3>{t('planning.allocation')}</h3>
              <JobRunner
                name="allocate"
                label={t('planning.runAllocation')}
                post={{ path: '/api/plans/allocate', body: {} }}
                canCancel={canCancel}
                onDone={onDone}
                render={(r) => <PlanResult result={r} />}
              />
            </>
          )}
          {maySchedule && (
            <>
              <h3>{t('planning.timetable')}</h3>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={joint}
                  onChange={(e) => setJoint(e.target.checked)}
                />{' '}
                {t('planning.joint')}
              </label>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={averse}
                  onChange={(e) => setAverse(e.target.checked)}
                />{' '}
                {t('planning.averse')}
              </label>
              <JobRunner
                name="schedule"
                label={t('planning.runTimetable')}
                post={{
                  path: '/api/plans/schedule',
                  body: { joint, ...(averse ? { risk: 'averse' } : {}) },
                }}
                canCancel={canCancel}
                onDone={onDone}
                render={(r) => <PlanResult result={r} />}
              />
            </>
          )}
        </Panel>
      )}
      <Panel title={t('planning.versions')}>
        <ErrorNote error={plans.error} />
        {!plans.data ? (
          <Loading />
        ) : (
          <div className="table-scroll scroll-y">
            <table aria-label={t('planning.versions')}>
              <thead>
                <tr>
                  <th scope="col">{t('col.plan')}</th>
                  <th scope="col">{t('col.kind')}</th>
                  <th scope="col">{t('col.status')}</th>
                  <th scope="col">{t('col.made')}</th>
                  <th scope="col">{t('col.unplaced')}</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.map((p) => (
                  <tr key={p.id} data-plan={p.id}>
                    <td>
                      <bdi>
                        #{p.id} v{p.version}
                      </bdi>
                    </td>
                    <td>{t('planKind', codeOf(p.kind))}</td>
                    <td>{t('planStatus', codeOf(p.status))}</td>
                    <td>{t('planning.madeBy', { at: dateTime(p.createdAt), by: p.createdBy })}</td>
                    <td>
                      {number(typeof p.summary.unplaced === 'number' ? p.summary.unplaced : null)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel title={t('planning.compare')}>
        {plans.data && plans.data.length > 0 ? (
          can('plan.read') ? (
            <PlanCompare plans={plans.data} />
          ) : null
        ) : (
          <p className="muted">{t('planning.noPlan')}</p>
        )}
      </Panel>
      <Panel title={t('planning.why')}>
        {can('plan.read') ? <Explain /> : <NotAvailable what={t('planning.explanation')} />}
      </Panel>
      <Panel title={t('planning.pledges')} wide>
        <PledgeDesk />
      </Panel>
      <Panel title={t('planning.fairness')}>
        {can('plan.read') ? <Fairness /> : <NotAvailable what={t('planning.fairnessView')} />}
      </Panel>
      {can('plan.run') && (
        <Panel title={t('planning.disruption')} wide>
          <Disruption canCancel={canCancel} onDone={onDone} />
        </Panel>
      )}
    </div>
  );
}

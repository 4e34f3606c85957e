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
import { useSession } from '../lib/session.js';
import type { PlanHeader } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

/** The planning page. */
export function Planning() {
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
        <Panel title="Run the planners" wide>
          {mayAllocate && (
            <>
              <h3>Allocation: who goes to which country</h3>
              <JobRunner
                name="allocate"
                label="Run allocation"
                post={{ path: '/api/plans/allocate', body: {} }}
                canCancel={canCancel}
                onDone={onDone}
                render={(r) => <PlanResult result={r} />}
              />
            </>
          )}
          {maySchedule && (
            <>
              <h3>Timetable: who leaves on which movement</h3>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={joint}
                  onChange={(e) => setJoint(e.target.checked)}
                />{' '}
                choose destination and movement together (joint)
              </label>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={averse}
                  onChange={(e) => setAverse(e.target.checked)}
                />{' '}
                risk-averse: plan against the hazard&apos;s 90% upper quantile, not its mean
              </label>
              <JobRunner
                name="schedule"
                label="Run timetable"
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
      <Panel title="Plan versions">
        <ErrorNote error={plans.error} />
        {!plans.data ? (
          <Loading />
        ) : (
          <div className="table-scroll scroll-y">
            <table aria-label="Plan versions">
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Made</th>
                  <th scope="col">Unplaced</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.map((p) => (
                  <tr key={p.id} data-plan={p.id}>
                    <td>
                      #{p.id} v{p.version}
                    </td>
                    <td>{p.kind}</td>
                    <td>{p.status}</td>
                    <td>
                      {p.createdAt.slice(0, 16).replace('T', ' ')} by {p.createdBy}
                    </td>
                    <td>{typeof p.summary.unplaced === 'number' ? p.summary.unplaced : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      <Panel title="Compare two plans">
        {plans.data && plans.data.length > 0 ? (
          can('plan.read') ? (
            <PlanCompare plans={plans.data} />
          ) : null
        ) : (
          <p className="muted">No plan yet.</p>
        )}
      </Panel>
      <Panel title="Why here, why not there">
        {can('plan.read') ? <Explain /> : <NotAvailable what="The explanation" />}
      </Panel>
      <Panel title="Pledges" wide>
        <PledgeDesk />
      </Panel>
      <Panel title="Fairness">
        {can('plan.read') ? <Fairness /> : <NotAvailable what="The fairness view" />}
      </Panel>
      {can('plan.run') && (
        <Panel title="Apply a disruption" wide>
          <Disruption canCancel={canCancel} onDone={onDone} />
        </Panel>
      )}
    </div>
  );
}

/** Two plan versions side by side: the cases whose destination or movement differs. */
import { T } from '../i18n/use-t.js';
import { useState } from 'react';
import type { Plan, PlanHeader } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading } from './ui.js';

/** Picks two plans and lists the differences. */
export function PlanCompare(props: { plans: PlanHeader[] }) {
  // By default the newest plan against the one before it of the same kind.
  const newest = props.plans[0];
  const before = props.plans.find((p) => p !== newest && p.kind === newest?.kind) ?? newest;
  const [a, setA] = useState<string>(String(before?.id ?? ''));
  const [b, setB] = useState<string>(String(newest?.id ?? ''));
  const left = useApi<Plan>(a ? `/api/plans/${a}` : null);
  const right = useApi<Plan>(b ? `/api/plans/${b}` : null);
  const option = (p: PlanHeader) => (
    <option key={p.id} value={p.id}>
      #{p.id} {p.kind} v{p.version} ({p.status})
    </option>
  );
  const diff = (() => {
    if (!left.data || !right.data) return null;
    const before = new Map(left.data.assignments.map((x) => [x.householdId, x]));
    const after = new Map(right.data.assignments.map((x) => [x.householdId, x]));
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    const where = (x: Plan['assignments'][number] | undefined) =>
      x ? [x.destinationId, x.movementId].filter(Boolean).join(' / ') || 'unplaced' : 'not in plan';
    return ids
      .map((id) => ({ id, from: where(before.get(id)), to: where(after.get(id)) }))
      .filter((d) => d.from !== d.to);
  })();
  return (
    <div>
      <div className="row">
        <div>
          <label htmlFor="plan-a">Plan A</label>
          <select id="plan-a" value={a} onChange={(e) => setA(e.target.value)}>
            {props.plans.map(option)}
          </select>
        </div>
        <div>
          <label htmlFor="plan-b">Plan B</label>
          <select id="plan-b" value={b} onChange={(e) => setB(e.target.value)}>
            {props.plans.map(option)}
          </select>
        </div>
      </div>
      <ErrorNote error={left.error ?? right.error} />
      {diff === null ? (
        <Loading />
      ) : (
        <>
          <p data-testid="plan-diff-count">
            {diff.length === 1 ? '1 case differs' : `${diff.length} cases differ`} between #{a} and
            #{b}.
          </p>
          {diff.length > 0 && (
            <div className="table-scroll scroll-y">
              <table aria-label="Differences between the two plans">
                <thead>
                  <tr>
                    <th scope="col">
                      <T id="col.case" />
                    </th>
                    <th scope="col">
                      <T id="col.planA" />
                    </th>
                    <th scope="col">
                      <T id="col.planB" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diff.slice(0, 200).map((d) => (
                    <tr key={d.id}>
                      <td>{d.id}</td>
                      <td>{d.from}</td>
                      <td>{d.to}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** Two plan versions side by side: the cases whose destination or movement differs. */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { useState } from 'react';
import type { Plan, PlanHeader } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading } from './ui.js';

/** Picks two plans and lists the differences. */
export function PlanCompare(props: { plans: PlanHeader[] }) {
  const t = useT();
  const { number } = useNumbers();
  // By default the newest plan against the one before it of the same kind.
  const newest = props.plans[0];
  const before = props.plans.find((p) => p !== newest && p.kind === newest?.kind) ?? newest;
  const [a, setA] = useState<string>(String(before?.id ?? ''));
  const [b, setB] = useState<string>(String(newest?.id ?? ''));
  const left = useApi<Plan>(a ? `/api/plans/${a}` : null);
  const right = useApi<Plan>(b ? `/api/plans/${b}` : null);
  const option = (p: PlanHeader) => (
    <option key={p.id} value={p.id}>
      {t('compare.option', {
        id: number(p.id),
        kind: t('planKind', codeOf(p.kind)),
        version: number(p.version),
        status: t('planStatus', codeOf(p.status)),
      })}
    </option>
  );
  const diff = (() => {
    if (!left.data || !right.data) return null;
    const before = new Map(left.data.assignments.map((x) => [x.householdId, x]));
    const after = new Map(right.data.assignments.map((x) => [x.householdId, x]));
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    const where = (x: Plan['assignments'][number] | undefined) =>
      x
        ? [x.destinationId, x.movementId].filter(Boolean).join(' / ') || t('compare.unplaced')
        : t('compare.notInPlan');
    return ids
      .map((id) => ({ id, from: where(before.get(id)), to: where(after.get(id)) }))
      .filter((d) => d.from !== d.to);
  })();
  return (
    <div>
      <div className="row">
        <div>
          <label htmlFor="plan-a">{t('compare.planA')}</label>
          <select id="plan-a" value={a} onChange={(e) => setA(e.target.value)}>
            {props.plans.map(option)}
          </select>
        </div>
        <div>
          <label htmlFor="plan-b">{t('compare.planB')}</label>
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
            {t('compare.count', {
              count: diff.length,
              a: number(Number(a)),
              b: number(Number(b)),
            })}
          </p>
          {diff.length > 0 && (
            <div className="table-scroll scroll-y">
              <table aria-label={t('compare.table')}>
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
                      <td>
                        <bdi>{d.id}</bdi>
                      </td>
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

/** The result of an allocation, timetable or re-planning run, in a few lines and a table. */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import { TableScroll } from './ui.js';

type Result = Record<string, unknown>;

/** Headline numbers of a result, and its per-destination table or list of changes. */
export function PlanResult(props: { result: unknown }) {
  const t = useT();
  const { number } = useNumbers();
  /** A figure in the language's digits (three decimals at most); the status in words. */
  const fmt = (v: unknown) =>
    typeof v === 'number' ? number(Math.round(v * 1000) / 1000) : String(v);
  const r = (props.result ?? {}) as Result;
  const headline = [
    'status',
    'cases',
    'unplaced',
    'unplacedPersons',
    'gap',
    'exposure',
    'makespanDays',
    'movementsUsed',
    'changedCases',
    'keptCases',
    'exposureBefore',
    'exposureAfter',
    'timeMs',
    'withoutConsent',
  ].filter((k) => k in r && (k !== 'withoutConsent' || Number(r[k]) > 0));
  const byDestination = r.byDestination as Record<string, Record<string, number>> | undefined;
  const changes = r.changes as
    | { case: string; persons: number; from: string | null; to: string | null; reason: string }[]
    | undefined;
  const plan = r.plan as { id: number; version: number } | undefined;
  const risk = r.risk as
    { expected: number; cvar90: number; samples: number; attitude: string } | undefined;
  const candidates = r.candidates as
    | {
        chosen: { id: string; day: string; destinationId: string | null; cost: number }[];
        currency: string;
        totalCost: number;
        budget: number | null;
        exposure: number;
        exposureRatio: number | null;
        firstReadyFirstServed: { exposure: number; totalCost: number };
        weights: { exposure: number; cost: number; makespan: number };
      }
    | undefined;
  return (
    <div className="plan-result">
      <dl className="facts">
        {plan && (
          <div>
            <dt>{t('planFact', codeOf('plan'))}</dt>
            <dd>{t('planResult.plan', { id: number(plan.id), version: number(plan.version) })}</dd>
          </div>
        )}
        {headline.map((k) => (
          <div key={k}>
            <dt>{t('planFact', codeOf(k))}</dt>
            <dd>
              {k === 'status' ? t('solveStatus', codeOf(String(r[k]))) : fmt(r[k])}
              {k === 'withoutConsent' && Array.isArray(r.withoutConsentCases) && (
                <>
                  {' '}
                  (<bdi>{(r.withoutConsentCases as string[]).join(', ')}</bdi>)
                </>
              )}
            </dd>
          </div>
        ))}
        {risk && (
          <div data-fact="risk">
            <dt>{t('planResult.cvar')}</dt>
            <dd>
              {t('planResult.risk', {
                cvar: fmt(risk.cvar90),
                expected: fmt(risk.expected),
                samples: number(risk.samples),
                attitude: t('riskAttitude', codeOf(risk.attitude)),
              })}
            </dd>
          </div>
        )}
        {candidates && (
          <div data-fact="candidates">
            <dt>{t('planResult.candidates')}</dt>
            <dd>
              {t('planResult.candidatesLine', {
                booked: number(candidates.chosen.length),
                cost: fmt(candidates.totalCost),
                currency: candidates.currency,
                hasBudget: candidates.budget === null ? 'no' : 'yes',
                budget: candidates.budget === null ? '' : fmt(candidates.budget),
                exposure: fmt(candidates.exposure),
                handExposure: fmt(candidates.firstReadyFirstServed.exposure),
                handCost: fmt(candidates.firstReadyFirstServed.totalCost),
                ratio: candidates.exposureRatio === null ? '–' : fmt(candidates.exposureRatio),
                wExposure: fmt(candidates.weights.exposure),
                wCost: fmt(candidates.weights.cost),
                wMakespan: fmt(candidates.weights.makespan),
              })}
            </dd>
          </div>
        )}
      </dl>
      {candidates && candidates.chosen.length > 0 && (
        <TableScroll>
          <table aria-label={t('planResult.candidatesTable')}>
            <thead>
              <tr>
                <th scope="col">{t('planResult.candidate')}</th>
                <th scope="col">{t('planResult.day')}</th>
                <th scope="col">
                  <T id="col.destination" />
                </th>
                <th scope="col">{t('planResult.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.chosen.map((b) => (
                <tr key={b.id}>
                  <td>
                    <bdi>{b.id}</bdi>
                  </td>
                  <td>
                    <bdi>{b.day}</bdi>
                  </td>
                  <td>{b.destinationId ?? '–'}</td>
                  <td>
                    {fmt(b.cost)} {candidates.currency}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {byDestination && (
        <table aria-label={t('planResult.byDestination')}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.destination" />
              </th>
              <th scope="col">
                <T id="col.cases" />
              </th>
              <th scope="col">
                <T id="col.people" />
              </th>
              <th scope="col">
                <T id="col.capacity" />
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(byDestination).map(([d, v]) => (
              <tr key={d}>
                <td>{d}</td>
                <td>{number(v.cases)}</td>
                <td>{number(v.persons)}</td>
                <td>{number(v.capacity)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes && (
        <TableScroll>
          <table aria-label={t('planResult.changed')}>
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.case" />
                </th>
                <th scope="col">
                  <T id="col.people" />
                </th>
                <th scope="col">
                  <T id="col.from" />
                </th>
                <th scope="col">
                  <T id="col.to" />
                </th>
                <th scope="col">
                  <T id="col.why" />
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.case}>
                  <td>
                    <bdi>{c.case}</bdi>
                  </td>
                  <td>{number(c.persons)}</td>
                  <td>{c.from ?? '–'}</td>
                  <td>{c.to ?? t('planResult.unplaced')}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
              {changes.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('planResult.nobody')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

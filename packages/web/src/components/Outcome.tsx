/** What happened against the plan (`GET /api/report/outcome`): exposure, departures, slips by cause. */
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import type { OutcomeReport } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, Stat, TableScroll } from './ui.js';

/** The comparison up to today against the first timetable; shown once there is a timetable. */
export function OutcomePanel() {
  const t = useT();
  const { number, digits } = useNumbers();
  const outcome = useApi<OutcomeReport>('/api/report/outcome');
  if (outcome.error) return <ErrorNote error={outcome.error} />;
  const o = outcome.data;
  if (!o) return <Loading />;
  const causes = Object.entries(o.slips.byCause).filter(([, c]) => c.cases > 0);
  return (
    <div data-testid="outcome">
      <p className="muted">
        {t('outcome.against', {
          version: number(o.baseline.version),
          start: digits(o.startDay),
          asOf: digits(o.asOf),
        })}
      </p>
      <div className="stats">
        <Stat
          name="outcome-departed"
          label={t('outcome.departed', { planned: number(o.departed.planned) })}
          value={o.departed.realised}
        />
        <Stat name="outcome-slipped" label={t('outcome.slipped')} value={o.slips.cases} />
      </div>
      <p>
        {t('outcome.exposure', {
          realised: number(Math.round(o.exposure.realised * 10) / 10),
          planned: number(Math.round(o.exposure.planned * 10) / 10),
        })}
        {o.exposure.ratio === null
          ? ''
          : ` ${t('outcome.ratio', { ratio: number(Math.round(o.exposure.ratio * 100) / 100) })}`}
      </p>
      {causes.length > 0 && (
        <TableScroll>
          <table aria-label={t('outcome.table')}>
            <thead>
              <tr>
                <th scope="col">{t('outcome.cause')}</th>
                <th scope="col">{t('outcome.cases')}</th>
                <th scope="col">{t('outcome.people')}</th>
              </tr>
            </thead>
            <tbody>
              {causes.map(([cause, c]) => (
                <tr key={cause} data-cause={cause}>
                  <td>{t('slipCause', codeOf(cause))}</td>
                  <td>{number(c.cases)}</td>
                  <td>{number(c.persons)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

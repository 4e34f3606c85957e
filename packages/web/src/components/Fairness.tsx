/** The fairness audit of the current allocation: achieved wishes per group, flagged groups first. */
import { T, useNumbers, useT } from '../i18n/use-t.js';
import type { allocationFairnessAudit, CommandOutput } from '@corridor/commands';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

/** `GET /api/allocation/fairness`. */
type Fairness = CommandOutput<typeof allocationFairnessAudit>;

/** Loads and shows the fairness view. */
export function Fairness() {
  const t = useT();
  const { number, digits, percent: pct } = useNumbers();
  const two = (v: number) => number(Math.round(v * 100) / 100);
  /** A dimension's words (`household size`), and a group's: yes and no in words, digits in the language's. */
  const dimension = (d: string) => t('fairnessDimension', { code: d.replace(/\W+/g, '_'), raw: d });
  const group = (g: string) => (g === 'yes' || g === 'no' ? t('ui.yesNo', { code: g }) : digits(g));
  const f = useApi<Fairness>('/api/allocation/fairness');
  if (f.error) return <ErrorNote error={f.error} />;
  if (!f.data) return <Loading />;
  const o = f.data.overall;
  return (
    <div>
      <p>
        {t('fairness.overall', {
          cases: number(o.cases),
          first: pct(o.firstChoice),
          any: pct(o.anyChoice),
          rank: two(o.meanRank),
          unplaced: number(o.unplaced),
        })}
      </p>
      <TableScroll>
        <table aria-label={t('fairness.table')}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.dimension" />
              </th>
              <th scope="col">
                <T id="col.group" />
              </th>
              <th scope="col">
                <T id="col.cases" />
              </th>
              <th scope="col">
                <T id="col.firstChoice" />
              </th>
              <th scope="col">
                <T id="col.anyChoice" />
              </th>
              <th scope="col">
                <T id="col.meanRank" />
              </th>
              <th scope="col">z</th>
            </tr>
          </thead>
          <tbody>
            {f.data.groups.map((g) => (
              <tr key={`${g.dimension}/${g.group}`} className={g.flagged ? 'flagged' : undefined}>
                <td>{dimension(g.dimension)}</td>
                <td>
                  {group(g.group)}
                  {g.flagged && <strong className="error">{t('fairness.worse')}</strong>}
                </td>
                <td>{number(g.cases)}</td>
                <td>{pct(g.firstChoice)}</td>
                <td>{pct(g.anyChoice)}</td>
                <td>{two(g.meanRank)}</td>
                <td>{two(g.z)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

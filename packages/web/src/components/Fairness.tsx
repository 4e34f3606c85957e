/** The fairness audit of the current allocation: achieved wishes per group, flagged groups first. */
import { T } from '../i18n/use-t.js';
import type { allocationFairnessAudit, CommandOutput } from '@corridor/commands';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

/** `GET /api/allocation/fairness`. */
type Fairness = CommandOutput<typeof allocationFairnessAudit>;

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Loads and shows the fairness view. */
export function Fairness() {
  const f = useApi<Fairness>('/api/allocation/fairness');
  if (f.error) return <ErrorNote error={f.error} />;
  if (!f.data) return <Loading />;
  const o = f.data.overall;
  return (
    <div>
      <p>
        Overall: {o.cases} cases, {pct(o.firstChoice)} got their first choice, {pct(o.anyChoice)}{' '}
        one of their choices, mean rank {o.meanRank.toFixed(2)}, {o.unplaced} unplaced.
      </p>
      <TableScroll>
        <table aria-label="Fairness by group">
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
                <td>{g.dimension}</td>
                <td>
                  {g.group}
                  {g.flagged && <strong className="error"> fares worse</strong>}
                </td>
                <td>{g.cases}</td>
                <td>{pct(g.firstChoice)}</td>
                <td>{pct(g.anyChoice)}</td>
                <td>{g.meanRank.toFixed(2)}</td>
                <td>{g.z.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

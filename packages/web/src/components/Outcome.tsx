/** What happened against the plan (`GET /api/report/outcome`): exposure, departures, slips by cause. */
import type { OutcomeReport } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, Stat, TableScroll } from './ui.js';

/** The comparison up to today against the first timetable; shown once there is a timetable. */
export function OutcomePanel() {
  const outcome = useApi<OutcomeReport>('/api/report/outcome');
  if (outcome.error) return <ErrorNote error={outcome.error} />;
  const o = outcome.data;
  if (!o) return <Loading />;
  const causes = Object.entries(o.slips.byCause).filter(([, c]) => c.cases > 0);
  return (
    <div data-testid="outcome">
      <p className="muted">
        Against timetable version {o.baseline.version}, from {o.startDay} to {o.asOf}.
      </p>
      <div className="stats">
        <Stat
          name="outcome-departed"
          label={`left of ${o.departed.planned.toLocaleString('en')} planned by now`}
          value={o.departed.realised}
        />
        <Stat name="outcome-slipped" label="cases late or not yet gone" value={o.slips.cases} />
      </div>
      <p>
        Exposure so far: <strong>{o.exposure.realised.toFixed(1)}</strong> expected person-incidents
        as it happened, {o.exposure.planned.toFixed(1)} as planned
        {o.exposure.ratio === null ? '' : ` (${o.exposure.ratio.toFixed(2)}×)`}.
      </p>
      {causes.length > 0 && (
        <TableScroll>
          <table aria-label="Cases that slipped, by cause">
            <thead>
              <tr>
                <th scope="col">Cause</th>
                <th scope="col">Cases</th>
                <th scope="col">People</th>
              </tr>
            </thead>
            <tbody>
              {causes.map(([cause, c]) => (
                <tr key={cause} data-cause={cause}>
                  <td>{cause}</td>
                  <td>{c.cases}</td>
                  <td>{c.persons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

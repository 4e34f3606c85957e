/**
 * Pledges as they are negotiated (issue 22): what one more place at each destination is worth in
 * the current allocation, a form that sets a pledge, and the history of changes.
 */
import { T } from '../i18n/use-t.js';
import type { CommandOutput, listPledges, pledgeHistory, pledgeValue } from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

type Values = CommandOutput<typeof pledgeValue>;
type Pledges = CommandOutput<typeof listPledges>;
type History = CommandOutput<typeof pledgeHistory>;

/** Per destination: places used and pledged, the price of one more, who it would move. */
function PlaceValues(props: { values: Values }) {
  return (
    <TableScroll>
      <table aria-label="What one more place is worth">
        <thead>
          <tr>
            <th scope="col">
              <T id="col.destination" />
            </th>
            <th scope="col">
              <T id="col.personsPledged" />
            </th>
            <th scope="col">
              <T id="col.casesPledged" />
            </th>
            <th scope="col">
              <T id="col.morePerson" />
            </th>
            <th scope="col">
              <T id="col.moreMedical" />
            </th>
            <th scope="col">
              <T id="col.fitBetter" />
            </th>
            <th scope="col">
              <T id="col.moveFirst" />
            </th>
          </tr>
        </thead>
        <tbody>
          {props.values.map((v) => (
            <tr key={v.destinationId} data-destination={v.destinationId}>
              <td>{v.destinationId}</td>
              <td>
                {v.used.persons} / {v.capacity.persons}
              </td>
              <td>
                {v.used.cases} / {v.capacity.cases}
              </td>
              <td>{v.prices.persons > 0 ? `${v.prices.persons} points` : 'not scarce'}</td>
              <td>{v.prices.medical > 0 ? `${v.prices.medical} points` : 'not scarce'}</td>
              <td>
                {v.waiting.cases} cases, {v.waiting.persons} persons
              </td>
              <td>{v.wouldMove.map((w) => `${w.case} (${w.persons})`).join(', ') || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The form that adds or changes a pledge; the API's refusal shows under it. */
function PledgeForm(props: { destinations: string[]; pledges: Pledges; onSaved: () => void }) {
  const [f, setF] = useState({
    destinationId: props.destinations[0] ?? '',
    periodStart: '',
    periodEnd: '',
    persons: '0',
    cases: '0',
    medicalPlaces: '0',
    reason: '',
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const pick = (start: string) => {
    const p = props.pledges.find(
      (x) => x.destinationId === f.destinationId && x.periodStart === start,
    );
    setF(
      p
        ? {
            ...f,
            periodStart: p.periodStart,
            periodEnd: p.periodEnd,
            persons: String(p.persons),
            cases: String(p.cases),
            medicalPlaces: String(p.medicalPlaces),
          }
        : { ...f, periodStart: start },
    );
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(null);
    try {
      const r = await api<{ changed: boolean }>('/api/pledges', {
        method: 'POST',
        body: {
          ...f,
          persons: Number(f.persons),
          cases: Number(f.cases),
          medicalPlaces: Number(f.medicalPlaces),
        },
      });
      setSaved(r.changed ? `Pledge of ${f.destinationId} saved.` : 'Nothing changed.');
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const own = props.pledges.filter((p) => p.destinationId === f.destinationId);
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Set a pledge">
      <div className="row">
        <div>
          <label htmlFor="pledge-destination">Destination</label>
          <select id="pledge-destination" value={f.destinationId} onChange={set('destinationId')}>
            {props.destinations.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pledge-existing">Pledge</label>
          <select
            id="pledge-existing"
            value={own.some((p) => p.periodStart === f.periodStart) ? f.periodStart : ''}
            onChange={(e) => pick(e.target.value)}
          >
            <option value="">new</option>
            {own.map((p) => (
              <option key={p.periodStart} value={p.periodStart}>
                {p.periodStart}..{p.periodEnd}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pledge-from">From</label>
          <input
            id="pledge-from"
            type="date"
            required
            value={f.periodStart}
            onChange={set('periodStart')}
          />
        </div>
        <div>
          <label htmlFor="pledge-to">To</label>
          <input
            id="pledge-to"
            type="date"
            required
            value={f.periodEnd}
            onChange={set('periodEnd')}
          />
        </div>
        {(['persons', 'cases', 'medicalPlaces'] as const).map((k) => (
          <div key={k}>
            <label htmlFor={`pledge-${k}`}>{k === 'medicalPlaces' ? 'Medical places' : k}</label>
            <input
              id={`pledge-${k}`}
              type="number"
              min={0}
              size={5}
              value={f[k]}
              onChange={set(k)}
            />
          </div>
        ))}
        <div>
          <label htmlFor="pledge-reason">Why</label>
          <input
            id="pledge-reason"
            required
            minLength={3}
            value={f.reason}
            onChange={set('reason')}
          />
        </div>
      </div>
      <button type="submit">Save pledge</button>
      <ErrorNote error={error} />
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

/** The pledges panel of the planning page. */
export function PledgeDesk() {
  const { can } = useSession();
  const values = useApi<Values>(can('plan.read') ? '/api/pledges/value' : null);
  const pledges = useApi<Pledges>('/api/pledges');
  const history = useApi<History>('/api/pledges/history?limit=20');
  const reload = () => {
    pledges.reload();
    history.reload();
    values.reload();
  };
  const destinations = [...new Set((pledges.data ?? []).map((p) => p.destinationId))];
  return (
    <div>
      <h3>
        <T id="heading.placeWorth" />
      </h3>
      <p className="muted">
        The engine’s price of one more place at each destination in the current allocation (in plan
        points), and the households that more places there would move first.
      </p>
      {values.error ? (
        <p className="muted">{values.error.message}</p>
      ) : values.data ? (
        <PlaceValues values={values.data} />
      ) : can('plan.read') ? (
        <Loading />
      ) : null}
      {can('registry.negotiate') && pledges.data && (
        <>
          <h3>
            <T id="heading.setPledge" />
          </h3>
          <PledgeForm destinations={destinations} pledges={pledges.data} onSaved={reload} />
        </>
      )}
      <h3>
        <T id="heading.changes" />
      </h3>
      <ErrorNote error={history.error} />
      {history.data && history.data.length === 0 && <p className="muted">No change yet.</p>}
      {history.data && history.data.length > 0 && (
        <ul aria-label="Pledge changes">
          {history.data.map((h) => (
            <li key={h.id}>
              {h.at.slice(0, 16).replace('T', ' ')} {h.actor}: {h.kind} {h.destinationId}
              {h.periodStart ? ` from ${h.periodStart}` : ''} {h.action} — {h.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

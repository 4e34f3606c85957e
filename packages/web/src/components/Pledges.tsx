/**
 * Pledges as they are negotiated (issue 22): what one more place at each destination is worth in
 * the current allocation, a form that sets a pledge, and the history of changes.
 */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
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
  const t = useT();
  const { number } = useNumbers();
  const price = (points: number) =>
    points > 0 ? t('pledges.points', { points: number(points) }) : t('pledges.notScarce');
  return (
    <TableScroll>
      <table aria-label={t('pledges.worth')}>
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
                {number(v.used.persons)} / {number(v.capacity.persons)}
              </td>
              <td>
                {number(v.used.cases)} / {number(v.capacity.cases)}
              </td>
              <td>{price(v.prices.persons)}</td>
              <td>{price(v.prices.medical)}</td>
              <td>
                {t('pledges.waiting', {
                  cases: number(v.waiting.cases),
                  persons: number(v.waiting.persons),
                })}
              </td>
              <td>
                {v.wouldMove
                  .map((w) => `${w.case} (${number(w.persons)})`)
                  .join(t('list.separator')) || '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The form that adds or changes a pledge; the API's refusal shows under it. */
function PledgeForm(props: { destinations: string[]; pledges: Pledges; onSaved: () => void }) {
  const t = useT();
  const { digits } = useNumbers();
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
      setSaved(
        r.changed ? t('pledges.saved', { destination: f.destinationId }) : t('pledges.unchanged'),
      );
      props.onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const own = props.pledges.filter((p) => p.destinationId === f.destinationId);
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('heading.setPledge')}>
      <div className="row">
        <div>
          <label htmlFor="pledge-destination">{t('pledges.destination')}</label>
          <select id="pledge-destination" value={f.destinationId} onChange={set('destinationId')}>
            {props.destinations.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pledge-existing">{t('pledges.pledge')}</label>
          <select
            id="pledge-existing"
            value={own.some((p) => p.periodStart === f.periodStart) ? f.periodStart : ''}
            onChange={(e) => pick(e.target.value)}
          >
            <option value="">{t('pledges.new')}</option>
            {own.map((p) => (
              <option key={p.periodStart} value={p.periodStart}>
                {t('pledges.period', { start: digits(p.periodStart), end: digits(p.periodEnd) })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="pledge-from">{t('pledges.from')}</label>
          <input
            id="pledge-from"
            type="date"
            required
            value={f.periodStart}
            onChange={set('periodStart')}
          />
        </div>
        <div>
          <label htmlFor="pledge-to">{t('pledges.to')}</label>
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
            <label htmlFor={`pledge-${k}`}>{t('pledges.field', { field: k })}</label>
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
          <label htmlFor="pledge-reason">{t('pledges.why')}</label>
          <input
            id="pledge-reason"
            required
            minLength={3}
            value={f.reason}
            onChange={set('reason')}
          />
        </div>
      </div>
      <button type="submit">{t('pledges.save')}</button>
      <ErrorNote error={error} />
      {saved && <p role="status">{saved}</p>}
    </form>
  );
}

/** The pledges panel of the planning page. */
export function PledgeDesk() {
  const { can } = useSession();
  const t = useT();
  const { dateTime, digits } = useNumbers();
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
        <T id="pledges.intro" />
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
      {history.data && history.data.length === 0 && (
        <p className="muted">{t('pledges.noChange')}</p>
      )}
      {history.data && history.data.length > 0 && (
        <ul aria-label={t('pledges.changes')}>
          {history.data.map((h) => (
            <li key={h.id}>
              {t('pledges.change', {
                at: dateTime(h.at),
                actor: h.actor,
                kind: t('pledgeChangeKind', codeOf(h.kind)),
                destination: h.destinationId,
                start: h.periodStart ? digits(h.periodStart) : 'none',
                action: t('pledgeChangeAction', codeOf(h.action)),
                reason: h.reason,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Builds one disruption event (as `corridor replan` reads them) and re-plans with it. */
import { useState } from 'react';
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import type { DestinationRow, MovementList } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { JobRunner } from './JobRunner.js';
import { PlanResult } from './PlanResult.js';

/** The kinds of disruption event, in the order the form offers them. */
const kinds = [
  'cancel-movement',
  'reduce-seats',
  'pause-destination',
  'case-not-ready',
  'hazard-change',
] as const;
type Kind = (typeof kinds)[number];

/** The event form and the re-planning job. */
export function Disruption(props: { canCancel: boolean; onDone: () => void }) {
  const t = useT();
  const { digits } = useNumbers();
  const [kind, setKind] = useState<Kind>('cancel-movement');
  const [f, setF] = useState({
    movement: '',
    seats: '',
    destination: '',
    from: '',
    to: '',
    case: '',
    until: '',
    factor: '',
  });
  const movements = useApi<MovementList>('/api/movements');
  const destinations = useApi<DestinationRow[]>('/api/destinations');
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const event = (() => {
    switch (kind) {
      case 'cancel-movement':
        return f.movement ? { type: kind, movement: f.movement } : null;
      case 'reduce-seats':
        return f.movement && f.seats
          ? { type: kind, movement: f.movement, seats: Number(f.seats) }
          : null;
      case 'pause-destination':
        return f.destination && f.from && f.to
          ? { type: kind, destination: f.destination, from: f.from, to: f.to }
          : null;
      case 'case-not-ready':
        return f.case && f.until
          ? { type: kind, case: f.case.trim().toUpperCase(), until: f.until }
          : null;
      case 'hazard-change':
        return f.from && f.factor ? { type: kind, from: f.from, factor: Number(f.factor) } : null;
    }
  })();
  const movementSelect = (
    <div>
      <label htmlFor="event-movement">{t('disruption.movement')}</label>
      <select id="event-movement" value={f.movement} onChange={set('movement')}>
        <option value="">{t('disruption.choose')}</option>
        {movements.data?.movements
          .filter((m) => m.status !== 'cancelled')
          .map((m) => (
            <option key={m.id} value={m.id}>
              {t('disruption.movementOption', {
                id: m.id,
                date: digits(m.departAt.slice(0, 10)),
                destination: m.destinationId ?? '–',
              })}
            </option>
          ))}
      </select>
    </div>
  );
  return (
    <div>
      <div className="row">
        <div>
          <label htmlFor="event-kind">{t('disruption.what')}</label>
          <select id="event-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t('disruptionKind', codeOf(k))}
              </option>
            ))}
          </select>
        </div>
        {(kind === 'cancel-movement' || kind === 'reduce-seats') && movementSelect}
        {kind === 'reduce-seats' && (
          <div>
            <label htmlFor="event-seats">{t('disruption.seats')}</label>
            <input id="event-seats" type="number" min={0} value={f.seats} onChange={set('seats')} />
          </div>
        )}
        {kind === 'pause-destination' && (
          <div>
            <label htmlFor="event-destination">{t('disruption.country')}</label>
            <select id="event-destination" value={f.destination} onChange={set('destination')}>
              <option value="">{t('disruption.choose')}</option>
              {destinations.data?.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.id} · {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {(kind === 'pause-destination' || kind === 'hazard-change') && (
          <div>
            <label htmlFor="event-from">{t('disruption.from')}</label>
            <input id="event-from" type="date" value={f.from} onChange={set('from')} />
          </div>
        )}
        {kind === 'pause-destination' && (
          <div>
            <label htmlFor="event-to">{t('disruption.to')}</label>
            <input id="event-to" type="date" value={f.to} onChange={set('to')} />
          </div>
        )}
        {kind === 'case-not-ready' && (
          <>
            <div>
              <label htmlFor="event-case">{t('disruption.case')}</label>
              <input id="event-case" value={f.case} placeholder="C-0001" onChange={set('case')} />
            </div>
            <div>
              <label htmlFor="event-until">{t('disruption.readyOn')}</label>
              <input id="event-until" type="date" value={f.until} onChange={set('until')} />
            </div>
          </>
        )}
        {kind === 'hazard-change' && (
          <div>
            <label htmlFor="event-factor">{t('disruption.factor')}</label>
            <input
              id="event-factor"
              type="number"
              step="0.1"
              min={0}
              value={f.factor}
              onChange={set('factor')}
            />
          </div>
        )}
      </div>
      <JobRunner
        name="replan"
        label={t('disruption.replan')}
        post={{ path: '/api/replan', body: { events: event ? [event] : [] } }}
        disabled={!event}
        canCancel={props.canCancel}
        onDone={props.onDone}
        render={(r) => <PlanResult result={r} />}
      />
    </div>
  );
}

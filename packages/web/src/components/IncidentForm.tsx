/** Records one incident: type, time with its offset, place, casualties, source and confidence. */
import { useState, type FormEvent } from 'react';
import { codeOf, useT } from '../i18n/use-t.js';
import { api, ApiError } from '../lib/api.js';
import { ErrorNote } from './ui.js';

const types = [
  'indirect-fire',
  'ground-assault',
  'abduction',
  'threat',
  'confiscation',
  'obstruction-of-movement',
  'other',
] as const;

/** The next free id after the ones in the log: I-001, I-002, … */
export function nextIncidentId(ids: readonly string[]): string {
  const n = Math.max(0, ...ids.map((id) => Number(/^I-(\d+)$/.exec(id)?.[1] ?? 0)));
  return `I-${String(n + 1).padStart(3, '0')}`;
}

/** The form; `onAdded` reloads the log. */
export function IncidentForm(props: { ids: string[]; site: string; onAdded: () => void }) {
  const t = useT();
  const [f, setF] = useState({
    type: 'indirect-fire',
    at: '',
    offset: '+03:00',
    site: props.site,
    injured: '0',
    killed: '0',
    source: '',
    confidence: 'unverified',
    narrative: '',
  });
  const [error, setError] = useState<ApiError | undefined>();
  const [added, setAdded] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const id = nextIncidentId(props.ids);
    try {
      await api('/api/incidents', {
        method: 'POST',
        body: {
          id,
          type: f.type,
          at: `${f.at.length === 16 ? `${f.at}:00` : f.at}${f.offset}`,
          timezone: `UTC${f.offset}`,
          site: f.site,
          lat: null,
          lon: null,
          injured: Number(f.injured),
          killed: Number(f.killed),
          source: f.source,
          confidence: f.confidence,
          narrative: f.narrative.trim() || null,
          cases: [],
        },
      });
      setAdded(t('incident.recorded', { id }));
      props.onAdded();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('incidents.record')}>
      <div className="row">
        <div>
          <label htmlFor="incident-type">{t('incident.type')}</label>
          <select id="incident-type" value={f.type} onChange={set('type')}>
            {types.map((type) => (
              <option key={type} value={type}>
                {t('incidentType', codeOf(type))}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="incident-at">{t('incident.at')}</label>
          <input
            id="incident-at"
            type="datetime-local"
            required
            value={f.at}
            onChange={set('at')}
          />
        </div>
        <div>
          <label htmlFor="incident-offset">{t('incident.offset')}</label>
          <input
            id="incident-offset"
            pattern="[+-]\d{2}:\d{2}"
            size={6}
            value={f.offset}
            onChange={set('offset')}
          />
        </div>
        <div>
          <label htmlFor="incident-site">{t('incident.where')}</label>
          <input id="incident-site" required value={f.site} onChange={set('site')} />
        </div>
        <div>
          <label htmlFor="incident-injured">{t('incident.injured')}</label>
          <input
            id="incident-injured"
            type="number"
            min={0}
            size={4}
            value={f.injured}
            onChange={set('injured')}
          />
        </div>
        <div>
          <label htmlFor="incident-killed">{t('incident.killed')}</label>
          <input
            id="incident-killed"
            type="number"
            min={0}
            size={4}
            value={f.killed}
            onChange={set('killed')}
          />
        </div>
        <div>
          <label htmlFor="incident-source">{t('incident.source')}</label>
          <input id="incident-source" value={f.source} onChange={set('source')} />
        </div>
        <div>
          <label htmlFor="incident-confidence">{t('incident.confidence')}</label>
          <select id="incident-confidence" value={f.confidence} onChange={set('confidence')}>
            {['verified', 'credible', 'unverified'].map((c) => (
              <option key={c} value={c}>
                {t('incidentConfidence', codeOf(c))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor="incident-narrative">{t('incident.narrative')}</label>
      <textarea
        id="incident-narrative"
        rows={2}
        className="wide-input"
        value={f.narrative}
        onChange={set('narrative')}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('incident.submit')}
        </button>
        {added && (
          <span className="ok" role="status">
            {added}
          </span>
        )}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}

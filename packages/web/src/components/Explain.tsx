/** Why a household goes where the allocation put it, and why not each other destination. */
import { T } from '../i18n/use-t.js';
import type { allocationExplain, CommandOutput } from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

/** `GET /api/allocation/explain/:householdId`. */
type Explanation = CommandOutput<typeof allocationExplain>;

/** Asks for a case number and shows its explanation. */
export function Explain() {
  const [id, setId] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const e = useApi<Explanation>(
    asked ? `/api/allocation/explain/${encodeURIComponent(asked)}` : null,
  );
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (id.trim()) setAsked(id.trim().toUpperCase());
  };
  const x = e.data;
  return (
    <div>
      <form className="row" onSubmit={submit}>
        <div>
          <label htmlFor="explain-case">Case number</label>
          <input
            id="explain-case"
            value={id}
            placeholder="C-0002"
            onChange={(ev) => setId(ev.target.value)}
          />
        </div>
        <button type="submit">Explain</button>
      </form>
      <ErrorNote error={e.error} />
      {e.loading && <Loading />}
      {x && (
        <div data-testid="explanation">
          <p>
            <strong>{x.case}</strong> ({x.persons} people) goes to{' '}
            <strong>{x.destination ?? 'no destination'}</strong>
            {x.here
              ? ` with ${x.here.points} points (fit ${Object.entries(x.here.fit)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', ')})`
              : ''}
            .
          </p>
          <TableScroll>
            <table aria-label="Why not the other destinations">
              <thead>
                <tr>
                  <th scope="col">
                    <T id="col.destination" />
                  </th>
                  <th scope="col">
                    <T id="col.whyNot" />
                  </th>
                  <th scope="col">
                    <T id="col.points" />
                  </th>
                  <th scope="col">
                    <T id="col.scarce" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {x.others.map((o) => (
                  <tr key={o.destination}>
                    <td>{o.destination}</td>
                    <td>{o.eligible ? o.verdict : `not eligible: ${o.rules.join(', ')}`}</td>
                    <td>{o.eligible ? o.points : '–'}</td>
                    <td>
                      {(o.eligible ? o.scarce : [])
                        .map((s) => `${s.resource} ${s.price.toFixed(1)} × ${s.amount}`)
                        .join('; ') || '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </div>
      )}
    </div>
  );
}

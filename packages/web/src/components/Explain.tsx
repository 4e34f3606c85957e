/** Why a household goes where the allocation put it, and why not each other destination. */
import { useServerCodes } from '../i18n/server-codes.js';
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import type { allocationExplain, CommandOutput } from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

/** `GET /api/allocation/explain/:householdId`. */
type Explanation = CommandOutput<typeof allocationExplain>;

/** Asks for a case number and shows its explanation. */
export function Explain() {
  const t = useT();
  const codes = useServerCodes();
  const { number } = useNumbers();
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
          <label htmlFor="explain-case">{t('explain.caseNumber')}</label>
          <input
            id="explain-case"
            value={id}
            placeholder="C-0002"
            onChange={(ev) => setId(ev.target.value)}
          />
        </div>
        <button type="submit">{t('explain.submit')}</button>
      </form>
      <ErrorNote error={e.error} />
      {e.loading && <Loading />}
      {x && (
        <div data-testid="explanation">
          <p>
            <T
              id="explain.goes"
              values={{
                case: x.case,
                persons: x.persons,
                destination: x.destination ?? t('explain.nowhere'),
                b: (chunks) => <strong>{chunks}</strong>,
                points: x.here ? number(x.here.points) : 'none',
                fit: x.here
                  ? Object.entries(x.here.fit)
                      .map(([k, v]) => `${t('fitPart', codeOf(k))} ${number(v)}`)
                      .join(t('list.separator'))
                  : '',
              }}
            />
          </p>
          <TableScroll>
            <table aria-label={t('explain.table')}>
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
                    <td>
                      {o.eligible
                        ? t('explainVerdict', codeOf(o.verdict))
                        : t('explain.notEligible', { rules: codes.rules(o.rules) })}
                    </td>
                    <td>{o.eligible ? number(o.points) : '–'}</td>
                    <td>
                      {(o.eligible ? o.scarce : [])
                        .map(
                          (s) =>
                            `${s.resource} ${number(Math.round(s.price * 10) / 10)} × ${number(s.amount)}`,
                        )
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

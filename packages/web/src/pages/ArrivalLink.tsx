/**
 * The page a receiving partner opens from a confirmation link (issue 23 item 5): no login, the
 * single-use token is in the address's fragment (`/arrival-link#<token>`), which the browser never
 * sends to a server, so no proxy or access log can keep it. One button confirms the arrival.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';

type Confirmed = { case: string; partner: string; arrivedOn: string };

/** The whole page: a day, a button, and what the server answered. */
export function ArrivalLinkPage() {
  const token = location.hash.slice(1);
  const [day, setDay] = useState('');
  const [done, setDone] = useState<Confirmed>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    document.title = 'Confirm an arrival · Corridor';
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setDone(
        await api<Confirmed>(`/api/arrival-links/${encodeURIComponent(token)}`, {
          method: 'POST',
          body: day ? { arrivedOn: day } : {},
        }),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(
        err.status === 404
          ? 'This link is unknown, already used or expired. Ask the operation for a new one.'
          : err.message,
      );
    }
  };
  return (
    <main id="main" className="login">
      <h1>Confirm an arrival</h1>
      {done ? (
        <p role="status">
          Arrival of case <bdi>{done.case}</bdi> on {done.arrivedOn} confirmed for{' '}
          <bdi>{done.partner}</bdi>. Thank you; this link cannot be used again.
        </p>
      ) : token ? (
        <form onSubmit={submit} aria-label="Confirm the arrival">
          <p>This link confirms, once, that the household it was issued for has arrived.</p>
          <label>
            Day of arrival (empty: today){' '}
            <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          </label>{' '}
          <button type="submit">Confirm the arrival</button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p className="error" role="alert">
          This address holds no confirmation link.
        </p>
      )}
    </main>
  );
}

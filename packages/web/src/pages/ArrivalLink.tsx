/**
 * The page a receiving partner opens from a confirmation link (issue 23 item 5): no login, the
 * single-use token is in the address's fragment (`/arrival-link#<token>`), which the browser never
 * sends to a server, so no proxy or access log can keep it. One button confirms the arrival.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { T, useNumbers, useT } from '../i18n/use-t.js';
import { api, ApiError } from '../lib/api.js';

type Confirmed = { case: string; partner: string; arrivedOn: string };

/** The whole page: a day, a button, and what the server answered. */
export function ArrivalLinkPage() {
  const t = useT();
  const { digits } = useNumbers();
  const token = location.hash.slice(1);
  const [day, setDay] = useState('');
  const [done, setDone] = useState<Confirmed>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('arrivalLink.title') });
  }, [t]);
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
      setError(err.status === 404 ? t('arrivalLink.unknown') : err.message);
    }
  };
  return (
    <main id="main" className="login">
      <h1>{t('arrivalLink.title')}</h1>
      {done ? (
        <p role="status">
          <T
            id="arrivalLink.done"
            values={{
              case: () => <bdi>{done.case}</bdi>,
              day: digits(done.arrivedOn),
              partner: () => <bdi>{done.partner}</bdi>,
            }}
          />
        </p>
      ) : token ? (
        <form onSubmit={submit} aria-label={t('arrivalLink.form')}>
          <p>{t('arrivalLink.intro')}</p>
          <label>
            {t('arrivalLink.day')}{' '}
            <input type="date" value={day} onChange={(e) => setDay(e.target.value)} />
          </label>{' '}
          <button type="submit">{t('arrivalLink.form')}</button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p className="error" role="alert">
          {t('arrivalLink.none')}
        </p>
      )}
    </main>
  );
}

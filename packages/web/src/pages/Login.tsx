/** The login page: username and password, errors said in words. */
import { useEffect, useState, type FormEvent } from 'react';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useT } from '../i18n/use-t.js';
import { api, ApiError } from '../lib/api.js';

/** Logs in and tells the shell. */
export function Login(props: { onLoggedIn: (password: string) => void }) {
  const t = useT();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('login.title') });
  }, [t]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/api/login', { method: 'POST', body: { username, password } });
      props.onLoggedIn(password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('error.noAnswer'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <LanguageSwitch className="login-language" />
      <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Corridor</h1>
        <p className="muted">{t('login.intro')}</p>
        <label htmlFor="username">{t('login.username')}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">{t('login.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}

/** The login page: username and password, errors said in words. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';

/** Logs in and tells the shell. */
export function Login(props: { onLoggedIn: (password: string) => void }) {
  useEffect(() => {
    document.title = 'Log in · Corridor';
  }, []);
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
      setError(err instanceof ApiError ? err.message : 'The server did not answer.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <form onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">Corridor</h1>
        <p className="muted">Log in to plan and run the relocation.</p>
        <label htmlFor="username">Username</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="password">Password</label>
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
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}

/** The application shell: login, the navigation the role may see, and the current page. */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { PasswordChange } from './components/PasswordChange.js';
import { Link, Loading } from './components/ui.js';
import { api, setUnauthenticatedHandler } from './lib/api.js';
import { useLocation } from './lib/router.js';
import { routeTable, type RouteTable } from './lib/routes.js';
import { makeSession, SessionContext, type Me } from './lib/session.js';
import { Login } from './pages/Login.js';
import { pages } from './pages/index.js';

/** Set after a login, cleared at logout (the session itself is an HttpOnly cookie). */
export const loggedInKey = 'corridor.loggedIn';

type State =
  | { kind: 'loading' }
  | { kind: 'anonymous'; routes: RouteTable }
  | { kind: 'in'; me: Me; routes: RouteTable };

/** The whole application. */
export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [changingPassword, setChangingPassword] = useState(false);
  const { path } = useLocation();

  const start = useCallback(async () => {
    const routes = routeTable(await api('/openapi.json'));
    // Ask who we are only after a login in this browser: a first visit goes straight to the
    // login page without a 401 in the console.
    if (localStorage.getItem(loggedInKey) !== '1') {
      setState({ kind: 'anonymous', routes });
      return;
    }
    try {
      const me = await api<Me>('/api/me');
      setState({ kind: 'in', me, routes });
    } catch {
      localStorage.removeItem(loggedInKey);
      setState({ kind: 'anonymous', routes });
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() =>
      setState((s) => (s.kind === 'in' ? { kind: 'anonymous', routes: s.routes } : s)),
    );
    void start();
  }, [start]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'anonymous')
    return (
      <Login
        onLoggedIn={() => {
          localStorage.setItem(loggedInKey, '1');
          void start();
        }}
      />
    );

  const logout = () => {
    localStorage.removeItem(loggedInKey);
    void api('/api/logout', { method: 'POST' }).finally(() =>
      setState({ kind: 'anonymous', routes: state.routes }),
    );
  };
  const session = makeSession(state.me, state.routes, logout);
  // The first route of a page's list that this server has decides whether the role sees it.
  const visible = pages.filter((p) => {
    const decisive = p.needs.find((key) => session.has(key));
    return decisive !== undefined && session.can(decisive);
  });
  const page = visible.find((p) => p.path === path) ?? visible[0];
  const Page = page?.component;

  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Corridor</span>
        <nav aria-label="Pages">
          <ul>
            {visible.map((p) => (
              <li key={p.path}>
                <Link to={p.path} current={p === page}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {session.can('GET /api/report.pdf') && (
            <a className="report-link" href="/api/report.pdf" download>
              Report (PDF)
            </a>
          )}
          <span data-testid="user">{state.me.username}</span> ·{' '}
          <span data-testid="role">{state.me.role}</span>
          {session.can('POST /api/me/password') && (
            <button
              type="button"
              className="link-button"
              aria-expanded={changingPassword}
              onClick={() => setChangingPassword(!changingPassword)}
            >
              Password
            </button>
          )}
          <button type="button" className="link-button" onClick={logout}>
            Log out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {changingPassword && <PasswordChange onClose={() => setChangingPassword(false)} />}
        {page && Page ? (
          <>
            <h1>{page.title}</h1>
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          </>
        ) : (
          <p>Your role has no pages in this application.</p>
        )}
      </main>
    </SessionContext.Provider>
  );
}

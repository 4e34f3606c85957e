/** The application shell: login, the navigation the role may see, and the current page. */
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { Link, Loading } from './components/ui.js';
import { api, isOffline, setUnauthenticatedHandler } from './lib/api.js';
import { useLocation } from './lib/router.js';
import { makeSession, SessionContext, type Me } from './lib/session.js';
import { useLocaleChoice } from './i18n/LocaleProvider.js';
import { withMessages, type MessageId } from './i18n/messages.js';
import offlineDeskMessages from 'virtual:catalogue/components/OfflineDesk.tsx';
import passwordChangeMessages from 'virtual:catalogue/components/PasswordChange.tsx';
import { codeOf, useT } from './i18n/use-t.js';
import { ArrivalLinkPage } from './pages/ArrivalLink.js';
import { Login } from './pages/Login.js';
import { pages } from './pages/index.js';

// The offline desk is a chunk of its own, with its messages (precached by the service worker like
// every chunk).
const OfflineDesk = lazy(() =>
  withMessages(import('./components/OfflineDesk.js'), offlineDeskMessages).then((m) => ({
    default: m.OfflineDesk,
  })),
);

// The device's sealed store (IndexedDB, keys) and the password form load after the first paint:
// the shell paints without them (both are precached for the offline desk like every chunk).
const device = () => import('./offline/device-session.js');
const PasswordChange = lazy(() =>
  withMessages(import('./components/PasswordChange.js'), passwordChangeMessages).then((m) => ({
    default: m.PasswordChange,
  })),
);

/** Set after a login, cleared at logout (the session itself is an HttpOnly cookie). */
export const loggedInKey = 'corridor.loggedIn';

type State =
  { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'in'; me: Me } | { kind: 'offline' };

/** The whole application; a confirmation link's page needs no login. */
export function App() {
  const { path } = useLocation();
  return path === '/arrival-link' ? <ArrivalLinkPage /> : <Shell />;
}

/** The logged-in application. */
function Shell() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [changingPassword, setChangingPassword] = useState(false);
  const { path } = useLocation();
  const t = useT();
  const { signedIn, locale } = useLocaleChoice();
  const username = state.kind === 'in' ? state.me.username : null;
  useEffect(() => signedIn(username), [signedIn, username]);
  // The password of a login, until the device's vault is opened with it (then forgotten).
  const password = useRef<string | null>(null);

  // What the role may do comes with `GET /api/me` (its permissions): the page never needs the
  // API description (/openapi.json, 160 KB), which only the API documentation loads.
  const start = useCallback(async () => {
    // Ask who we are only after a login in this browser: a first visit goes straight to the
    // login page without a 401 in the console.
    if (localStorage.getItem(loggedInKey) !== '1') {
      setState({ kind: 'anonymous' });
      return;
    }
    try {
      const me = await api<Me>('/api/me');
      if (password.current !== null)
        await device()
          .then((d) => d.deviceAtLogin(me, password.current!))
          .catch(() => null);
      password.current = null;
      setState({ kind: 'in', me });
    } catch (err) {
      // Started without a connection: the offline desk, when this device kept one.
      if (
        isOffline(err) &&
        (await device()
          .then((d) => d.vaultExists())
          .catch(() => false))
      ) {
        setState({ kind: 'offline' });
        return;
      }
      localStorage.removeItem(loggedInKey);
      setState({ kind: 'anonymous' });
    }
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() =>
      setState((s) => (s.kind === 'in' || s.kind === 'offline' ? { kind: 'anonymous' } : s)),
    );
    void start();
    // Fetched once the shell has painted, so a login or logout does not wait for it.
    void device().catch(() => null);
  }, [start]);

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'anonymous')
    return (
      <Login
        onLoggedIn={(typed) => {
          password.current = typed;
          localStorage.setItem(loggedInKey, '1');
          void start();
        }}
      />
    );

  const leave = async () => {
    // Records the server has not received yet are erased with the device's data: ask first.
    const waiting = await device()
      .then((d) => d.pendingAfterSync())
      .catch(() => 0);
    if (
      waiting > 0 &&
      !window.confirm(
        `${waiting} check-in record(s) on this device have not reached the server and will be erased. Log out anyway?`,
      )
    )
      return;
    localStorage.removeItem(loggedInKey);
    void device()
      .then((d) => d.deviceAtLogout())
      .catch(() => null)
      .then(() => api('/api/logout', { method: 'POST' }))
      .catch(() => null)
      .finally(() => setState({ kind: 'anonymous' }));
  };
  const logout = () => void leave();
  if (state.kind === 'offline')
    return (
      <Suspense fallback={<Loading />}>
        <OfflineDesk onOnline={() => void start()} onLogout={logout} />
      </Suspense>
    );
  const session = makeSession(state.me, logout);
  const visible = pages.filter((p) => session.can(p.needs));
  const page = visible.find((p) => p.path === path) ?? visible[0];
  const Page = page?.component;

  return (
    <SessionContext.Provider value={session}>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">Corridor</span>
        <nav aria-label={t('app.pages')}>
          <ul>
            {visible.map((p) => (
              <li key={p.path}>
                <Link to={p.path} current={p === page}>
                  {t(p.title)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          <a className="report-link" href={`/api/report.pdf?lang=${locale}`} download>
            {t('app.report')}
          </a>
          {session.can('dpo.read') && (
            <>
              <a className="report-link" href="/api/dpo/ropa" download>
                {t('app.ropa')}
              </a>
              <a className="report-link" href="/api/dpo/dpia" download>
                {t('app.dpia')}
              </a>
            </>
          )}
          <bdi data-testid="user">{state.me.username}</bdi> ·{' '}
          <span data-testid="role">{t('app.role', codeOf(state.me.role))}</span>
          <LanguageSwitch />
          <button
            type="button"
            className="link-button"
            aria-expanded={changingPassword}
            onClick={() => setChangingPassword(!changingPassword)}
          >
            {t('app.password')}
          </button>
          <button type="button" className="link-button" onClick={logout}>
            {t('app.logout')}
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {changingPassword && (
          <Suspense fallback={<Loading />}>
            <PasswordChange onClose={() => setChangingPassword(false)} />
          </Suspense>
        )}
        {page && Page ? (
          <>
            <PageHeading title={page.title} />
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          </>
        ) : (
          <p>{t('app.noPages')}</p>
        )}
      </main>
    </SessionContext.Provider>
  );
}

/**
 * The page's heading: the browser tab names the page, and after a navigation the focus moves to the
 * heading (a screen reader announces the new page; the keyboard goes on from there), not on the
 * first load, where it stays at the start of the document.
 */
function PageHeading(props: { title: MessageId }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const title = t(props.title);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [props.title]);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {title}
    </h1>
  );
}

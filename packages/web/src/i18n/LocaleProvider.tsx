/**
 * The language of the application: the browser's preferred one at first, then the one chosen with
 * the switch, remembered in this browser per signed-in user; sets `<html lang dir>`.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { IntlProvider } from 'react-intl';
import { directionOf, intlLocaleOf, isLocale, pickLocale, type Locale } from './locales.js';
import { onShownMessages, showLocale, shownMessages } from './messages.js';

/** Where the last choice in this browser is kept (the login page starts in it). */
const deviceKey = 'corridor.locale';
/** Where a user's own choice is kept: `corridor.locale.<username>`. */
export const userLocaleKey = (username: string) => `${deviceKey}.${username}`;

interface LocaleChoice {
  locale: Locale;
  /** Switches the language and remembers it (for the signed-in user, if any). */
  choose: (locale: Locale) => void;
  /** Tells who is signed in: their remembered language, if any, takes over. */
  signedIn: (username: string | null) => void;
}

const LocaleContext = createContext<LocaleChoice | null>(null);

function stored(key: string): Locale | null {
  const value = localStorage.getItem(key);
  return isLocale(value) ? value : null;
}

function initialLocale(): Locale {
  return stored(deviceKey) ?? pickLocale(navigator.languages ?? [navigator.language]);
}

/** Provides the language, its messages and the switch to everything inside. */
export function LocaleProvider(props: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [user, setUser] = useState<string | null>(null);
  const loaded = useSyncExternalStore(onShownMessages, shownMessages);
  // Once seen in a language, the application keeps showing it until the next one has arrived.
  const [started, setStarted] = useState(locale === 'en');

  useEffect(() => {
    void showLocale(locale).then(
      () => setStarted(true),
      (err: unknown) => {
        console.error('the catalogue of', locale, 'did not load', err);
        setStarted(true);
      },
    );
  }, [locale]);

  useEffect(() => {
    document.documentElement.lang = loaded.locale;
    document.documentElement.dir = directionOf(loaded.locale);
  }, [loaded.locale]);

  const choose = useCallback(
    (next: Locale) => {
      localStorage.setItem(deviceKey, next);
      if (user) localStorage.setItem(userLocaleKey(user), next);
      setLocale(next);
    },
    [user],
  );
  const signedIn = useCallback((username: string | null) => {
    setUser(username);
    const own = username ? stored(userLocaleKey(username)) : null;
    if (own) setLocale(own);
  }, []);

  // Until the chosen catalogue has first arrived, nothing is shown rather than the wrong language.
  if (!started && loaded.locale !== locale) return null;
  return (
    <LocaleContext.Provider value={{ locale, choose, signedIn }}>
      <IntlProvider
        locale={intlLocaleOf(loaded.locale)}
        messages={loaded.messages}
        defaultLocale="en"
      >
        {props.children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

/** The current language and the means to change it. */
export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocaleChoice outside LocaleProvider');
  return choice;
}

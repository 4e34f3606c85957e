/**
 * The message catalogues, split as the code is (split-messages.ts): the shell carries its own
 * messages (English in the shell's chunk, each other language a chunk of its own) and each lazily
 * loaded part (a page, the offline desk) loads its messages in the current language together with
 * its code, so it never shows before its words have arrived.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locale } from './locales.js';
import type en from './messages/en.json';
import shell from 'virtual:catalogue/main.tsx';
import shellEnglish from 'virtual:catalogue-part/en/main.tsx';

/** The id of one message: every key of the English catalogue. */
export type MessageId = keyof typeof en;

/** Messages parsed to FormatJS's AST at build time, which react-intl takes as they are. */
export type ParsedMessages = Partial<Record<MessageId, MessageFormatElement[]>>;

/** A part's messages, one loader per language. */
export type CatalogueLoaders = Record<Locale, () => Promise<{ default: ParsedMessages }>>;

/** The messages shown: the language and every loaded part's messages in it. */
export interface Shown {
  locale: Locale;
  messages: ParsedMessages;
  /** How many parts these messages cover (the shell first). */
  parts: number;
}

const parts: CatalogueLoaders[] = [shell];
const fetched = new Map<CatalogueLoaders, Map<Locale, Promise<ParsedMessages>>>();
const listeners = new Set<() => void>();
let wanted: Locale = 'en';
let shown: Shown = { locale: 'en', messages: shellEnglish, parts: 1 };

function fetchPart(part: CatalogueLoaders, locale: Locale): Promise<ParsedMessages> {
  const byLocale = fetched.get(part) ?? new Map<Locale, Promise<ParsedMessages>>();
  fetched.set(part, byLocale);
  let messages = byLocale.get(locale);
  if (!messages) {
    messages = part[locale]().then((m) => m.default);
    // A failed load (offline, before the chunk was ever cached) is tried again next time.
    messages.catch(() => byLocale.delete(locale));
    byLocale.set(locale, messages);
  }
  return messages;
}

/** Waits until the wanted language's messages of every part known so far are shown. */
async function settle(): Promise<void> {
  for (;;) {
    const locale = wanted;
    const count = parts.length;
    if (shown.locale === locale && shown.parts === count) return;
    const loaded = await Promise.all(parts.slice(0, count).map((p) => fetchPart(p, locale)));
    if (locale !== wanted || count !== parts.length) continue;
    if (shown.locale !== locale || shown.parts < count) {
      shown = { locale, messages: Object.assign({}, ...loaded) as ParsedMessages, parts: count };
      for (const listener of listeners) listener();
    }
    return;
  }
}

/** The messages shown now (for `useSyncExternalStore`). */
export function shownMessages(): Shown {
  return shown;
}

/** Calls `listener` whenever other messages are shown; returns the means to stop. */
export function onShownMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows the application in `locale` once the messages of every loaded part have arrived. */
export function showLocale(locale: Locale): Promise<void> {
  wanted = locale;
  return settle();
}

/**
 * A lazily loaded part's module, resolved once its messages in the current language are shown
 * too: `lazy(() => withMessages(import('./Page.js'), messages))`, with `messages` imported from
 * `virtual:catalogue/pages/Page.tsx`.
 */
export async function withMessages<T>(module: Promise<T>, messages: CatalogueLoaders): Promise<T> {
  if (!parts.includes(messages)) parts.push(messages);
  const [loaded] = await Promise.all([module, settle()]);
  return loaded;
}

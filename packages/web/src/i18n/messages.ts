/** The message catalogues: English bundled with the shell, each other language a chunk of its own. */
import en from './messages/en.json';
import type { Locale } from './locales.js';

/** The id of one message: every key of the English catalogue. */
export type MessageId = keyof typeof en;

/**
 * A catalogue: an ICU message per id (in the built app, the message already parsed to FormatJS's
 * AST by precompile-messages.ts, which react-intl takes as it is).
 */
export type Messages = Record<MessageId, string>;

/** The English catalogue, the reference every other one must match key for key. */
export const english: Messages = en;

const load: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
  ar: () => import('./messages/ar.json'),
  fa: () => import('./messages/fa.json'),
  ps: () => import('./messages/ps.json'),
  ckb: () => import('./messages/ckb.json'),
};

/** The catalogue of a language, fetched the first time it is needed. */
export async function messagesOf(locale: Locale): Promise<Messages> {
  return locale === 'en' ? english : (await load[locale]()).default;
}

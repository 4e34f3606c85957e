/**
 * The user-facing messages of the error catalogue in each of Corridor's languages: ICU messages
 * (FormatJS's intl-messageformat, as the web's react-intl), one JSON catalogue per language, keyed
 * by the factory of `errors`. A message without a translation stays in English; the error's id,
 * status and details never change.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { CorridorError } from './errors.js';
import type { Locale } from './locale.js';
import ar from './messages/errors.ar.json' with { type: 'json' };
import ckb from './messages/errors.ckb.json' with { type: 'json' };
import en from './messages/errors.en.json' with { type: 'json' };
import fa from './messages/errors.fa.json' with { type: 'json' };
import ps from './messages/errors.ps.json' with { type: 'json' };

/** The errors whose message is catalogued: a factory name of `errors`. */
export type ErrorMessageKey = keyof typeof en;

/** The error catalogue's messages by language. */
export const errorMessages: Record<Locale, Partial<Record<ErrorMessageKey, string>>> = {
  en,
  ar,
  fa,
  ps,
  ckb,
};

/** An error's message in a language: its catalogued translation, else the English message. */
export function localizeError(error: CorridorError, locale: Locale): string {
  const text = error.text;
  const message = text && errorMessages[locale][text.key as ErrorMessageKey];
  if (!text || !message) return error.message;
  const values = Object.fromEntries(
    Object.entries(text.values ?? {}).map(([k, v]) => [k, String(v)]),
  );
  // Tags are plain text here (`Bearer <token>`); values stay as written (ids, paths, numbers).
  return String(
    new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).format(values),
  );
}

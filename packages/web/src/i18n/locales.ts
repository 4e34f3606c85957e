/** The languages of the application, which of them run right to left, and the browser's choice. */

import { isLocale, localeOfTag, locales, type Locale } from '../../../core/src/locale.js';

// One list of languages for the whole product: the server's and the CLI's (core/src/locale.ts).
export { isLocale, locales, type Locale };

/** The language used when the browser asks for none of ours. */
export const defaultLocale: Locale = 'en';

/** Each language's name in itself, as the language switch shows it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی / دری',
  ps: 'پښتو',
  ckb: 'کوردی (سۆرانی)',
};

const rightToLeft: ReadonlySet<Locale> = new Set(['ar', 'fa', 'ps', 'ckb']);

/** The writing direction of a language, for `<html dir>`. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/**
 * The first of the browser's preferred languages (`navigator.languages`) that we have, matched on
 * the language part (`ar-IQ` → `ar`; Dari `prs` and `fa-AF` → `fa`; Kurdish `ku-Arab` → `ckb`);
 * English when none matches.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}

/**
 * The locales numbers are formatted in, best first: each language's own digits (Arabic-Indic for
 * Arabic and Sorani, Extended Arabic-Indic for Farsi, Dari and Pashto). A browser without data for
 * Pashto or Sorani (Chromium's own ICU has none) formats with the nearest language of the same digits.
 */
const formatCandidates: Record<Locale, string[]> = {
  en: ['en'],
  ar: ['ar-u-nu-arab'],
  fa: ['fa-u-nu-arabext'],
  ps: ['ps-u-nu-arabext', 'fa-u-nu-arabext'],
  ckb: ['ckb-u-nu-arab', 'ar-u-nu-arab'],
};

/** The locale to format numbers and plurals with for a language, as this browser supports it. */
export function intlLocaleOf(locale: Locale): string {
  const candidates = formatCandidates[locale];
  return candidates.find((tag) => Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) ?? locale;
}

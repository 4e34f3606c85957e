/** The languages of the application, which of them run right to left, and the browser's choice. */

/** Every language of the application: English, Arabic, Farsi (Dari), Pashto, Sorani Kurdish. */
export const locales = ['en', 'ar', 'fa', 'ps', 'ckb'] as const;

/** One language of the application (an ISO 639 code). */
export type Locale = (typeof locales)[number];

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

/** True for one of our language codes. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages (`navigator.languages`) that we have, matched on
 * the language part (`ar-IQ` → `ar`; Dari `prs` and `fa-AF` → `fa`; Kurdish `ku-Arab` → `ckb`);
 * English when none matches.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const language = lower.split('-')[0]!;
    if (isLocale(language)) return language;
    if (language === 'prs') return 'fa';
    if (language === 'pbt' || language === 'pbu') return 'ps';
    if (language === 'ku' && /-(arab|iq|ir)\b/.test(lower)) return 'ckb';
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

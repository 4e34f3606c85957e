/**
 * The languages Corridor speaks (English, Arabic, Farsi/Dari, Pashto, Sorani Kurdish) and how an
 * interface picks one: the API from `Accept-Language`, the CLI from `--lang`, `LC_ALL`, `LC_MESSAGES`
 * or `LANG`. English is the default; ids, flags and field names never change with the language.
 */

/** Every language of Corridor's messages (ISO 639 codes). */
export const locales = ['en', 'ar', 'fa', 'ps', 'ckb'] as const;

/** One language of Corridor's messages. */
export type Locale = (typeof locales)[number];

/** True for one of Corridor's language codes. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The language of one tag (`ar-IQ`, `fa_AF.UTF-8`, `prs`, `ku-Arab`), or null when Corridor does
 * not speak it.
 */
export function localeOfTag(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-').split('.')[0]!;
  const language = lower.split('-')[0]!;
  if (isLocale(language)) return language;
  if (language === 'prs') return 'fa';
  if (language === 'pbt' || language === 'pbu') return 'ps';
  if (language === 'ku' && /-(arab|iq|ir)\b/.test(lower)) return 'ckb';
  return null;
}

/** The best of our languages for an `Accept-Language` header (by q-value, then order); English when none. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const r of ranked) {
    const locale = localeOfTag(r.tag);
    if (locale) return locale;
  }
  return 'en';
}

/** The language of a command line: `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`; English when none. */
export function localeOfEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  flag?: string,
): Locale {
  for (const value of [flag, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!value) continue;
    // The first that is set decides, as POSIX says: `LC_ALL=C` means English, whatever LANG says.
    return localeOfTag(value) ?? 'en';
  }
  return 'en';
}

/**
 * The first of a household's languages (ISO 639 codes, in its order of preference) that Corridor
 * prints in; English when it speaks none of them. What a person-facing paper prints in.
 */
export function localeOfLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const locale = localeOfTag(language);
    if (locale) return locale;
  }
  return 'en';
}

/** The language switch of every page: each language named in itself. */
import { localeNames, locales, isLocale } from '../i18n/locales.js';
import { useLocaleChoice } from '../i18n/LocaleProvider.js';
import { useT } from '../i18n/use-t.js';

/** A labelled select of the application's languages. */
export function LanguageSwitch(props: { className?: string }) {
  const t = useT();
  const { locale, choose } = useLocaleChoice();
  return (
    <span className={`language ${props.className ?? ''}`}>
      <label htmlFor="language">{t('language.label')}</label>
      <select
        id="language"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) choose(e.target.value);
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </span>
  );
}

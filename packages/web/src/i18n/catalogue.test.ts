import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import ar from './messages/ar.json';
import ckb from './messages/ckb.json';
import en from './messages/en.json';
import fa from './messages/fa.json';
import ps from './messages/ps.json';
import { keysInCode } from './keys-in-code.js';
import { directionOf, intlLocaleOf, locales, pickLocale, type Locale } from './locales.js';

const catalogues: Record<string, Record<string, string>> = { ar, ckb, fa, ps };

/** The placeholders (arguments) and rich-text tags a message uses, and the literal text. */
function shape(elements: MessageFormatElement[], out = { names: new Set<string>(), text: '' }) {
  for (const e of elements) {
    if (e.type === TYPE.literal) out.text += e.value;
    else if (e.type === TYPE.tag) {
      out.names.add(`<${e.value}>`);
      shape(e.children, out);
    } else if (e.type !== TYPE.pound) {
      out.names.add(e.value);
      if (e.type === TYPE.select || e.type === TYPE.plural)
        for (const option of Object.values(e.options)) shape(option.value, out);
    }
  }
  return out;
}

const parsed = (message: string) => parse(message, { requiresOtherClause: true });

describe('the message catalogues', () => {
  it('has one catalogue per language of the switch', () => {
    expect(Object.keys(catalogues).sort()).toEqual(locales.filter((l) => l !== 'en').sort());
  });

  it('English messages all parse as ICU', () => {
    for (const [id, message] of Object.entries(en)) expect(() => parsed(message), id).not.toThrow();
  });

  it('has no message the application does not use (each chunk carries the ones its code names)', () => {
    // Every module of the application as text (Vite's glob import), the tests left out.
    const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const known = new Set(Object.keys(en));
    const used = new Set<string>();
    for (const code of Object.values(sources))
      for (const key of keysInCode(code, known)) used.add(key);
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });

  for (const [locale, messages] of Object.entries(catalogues)) {
    describe(locale, () => {
      it('has exactly the English keys', () => {
        expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      });

      it('has every message as valid ICU with the placeholders and tags of the English one', () => {
        for (const [id, english] of Object.entries(en)) {
          const message = messages[id];
          expect(message, id).toBeTypeOf('string');
          const theirs = shape(parsed(message!));
          expect([...theirs.names].sort(), `${locale} ${id}`).toEqual(
            [...shape(parsed(english)).names].sort(),
          );
        }
      });

      it('writes numbers in its own digits, not ASCII ones', () => {
        for (const [id, message] of Object.entries(messages))
          expect(shape(parsed(message)).text, `${locale} ${id}`).not.toMatch(/[0-9]/);
      });

      it('is translated, except the messages that are only placeholders and signs', () => {
        const same = Object.keys(en).filter(
          (id) => messages[id] === en[id as keyof typeof en] && !/^\{\w+\}$/.test(messages[id]!),
        );
        expect(same).toEqual(['app.documentTitle', 'registry.range', 'movementDay.record']);
      });
    });
  }
});

describe('the language of a browser', () => {
  it('is the first of its preferred languages we have, else English', () => {
    expect(pickLocale(['de-DE', 'ar-IQ', 'en'])).toBe('ar');
    expect(pickLocale(['prs-AF'])).toBe('fa');
    expect(pickLocale(['fa-AF', 'en'])).toBe('fa');
    expect(pickLocale(['ku-Arab-IQ'])).toBe('ckb');
    expect(pickLocale(['ckb'])).toBe('ckb');
    expect(pickLocale(['ps-AF'])).toBe('ps');
    expect(pickLocale(['de', 'fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('runs right to left in Arabic script', () => {
    expect(locales.map(directionOf)).toEqual(['ltr', 'rtl', 'rtl', 'rtl', 'rtl']);
  });
});

describe('the digits of a language', () => {
  it('are its own, in this runtime', () => {
    const digits = (locale: Locale) => new Intl.NumberFormat(intlLocaleOf(locale)).format(2008);
    expect(locales.map(digits)).toEqual(['2,008', '٢٬٠٠٨', '۲٬۰۰۸', '۲٬۰۰۸', '٢٬٠٠٨']);
  });
});

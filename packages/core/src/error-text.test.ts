import { describe, expect, it } from 'vitest';
import { errorMessages, localizeError, type ErrorMessageKey } from './error-text.js';
import { errors, type CorridorError } from './errors.js';
import { localeOfEnvironment, locales, negotiateLocale } from './locale.js';

/** One error of each catalogued factory, with sample values. */
const samples: Record<ErrorMessageKey, CorridorError> = {
  noOperation: errors.noOperation(),
  noData: errors.noData('/srv/corridor'),
  keyMismatch: errors.keyMismatch('CORRIDOR_MASTER_KEY'),
  unauthenticated: errors.unauthenticated(),
  notLoggedIn: errors.notLoggedIn('http://127.0.0.1:8080'),
  sessionExpired: errors.sessionExpired(),
  invalidCredentials: errors.invalidCredentials(),
  loginLocked: errors.loginLocked(1200),
  tooManyRequests: errors.tooManyRequests(30),
  routeForbidden: errors.routeForbidden('POST /api/plans/allocate', 'auditor', [
    'admin',
    'planner',
  ]),
  routeNotFound: errors.routeNotFound('GET', '/api/nothing'),
  payloadTooLarge: errors.payloadTooLarge(1048576),
  internal: errors.internal(),
  userExists: errors.userExists('ana'),
  weakPassword: errors.weakPassword(12),
  alreadyErased: errors.alreadyErased('P-0001'),
  notOnMovement: errors.notOnMovement('P-0001', 'M-001'),
  checkinConflict: errors.checkinConflict('P-0001', 'M-001'),
  jobCancelled: errors.jobCancelled('7'),
};

describe('the error catalogue in five languages', () => {
  it('says in English exactly what the factories say, for every catalogued error', () => {
    for (const [key, error] of Object.entries(samples)) {
      expect(error.text?.key, key).toBe(key);
      const english = errorMessages.en[key as ErrorMessageKey];
      expect(english, key).toBeDefined();
      // Formatted as the other languages are: the English catalogue matches the factory's words.
      expect(localizeError(error, 'ar') === error.message, key).toBe(false);
      expect(localizeError(error, 'en'), key).toBe(error.message);
    }
    expect(Object.keys(errorMessages.en).sort()).toEqual(Object.keys(samples).sort());
  });

  it('has every key in every language, with the values of the English message', () => {
    const names = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const locale of locales)
      for (const [key, english] of Object.entries(errorMessages.en)) {
        const message = errorMessages[locale][key as ErrorMessageKey];
        expect(message, `${locale} ${key}`).toBeTypeOf('string');
        expect(names(message!), `${locale} ${key}`).toEqual(names(english));
      }
  });

  it('keeps ids, commands, flags and values as they are in a translation', () => {
    const e = errors.notLoggedIn('http://127.0.0.1:8080');
    const ar = localizeError(e, 'ar');
    expect(ar).toContain(
      '`corridor login --server http://127.0.0.1:8080 --username NAME --password-stdin`',
    );
    expect(ar).toMatch(/^لم تسجّل الدخول/);
    expect(e.id).toBe('unauthenticated');
    expect(localizeError(errors.loginLocked(1200), 'fa')).toContain('1200');
    expect(localizeError(errors.unauthenticated(), 'ckb')).toContain('Bearer <token>');
  });

  it('leaves an uncatalogued message in English', () => {
    const e = errors.invalidInput('the field "size" must be a number');
    expect(localizeError(e, 'ps')).toBe(e.message);
  });
});

describe('the language of a request or a command line', () => {
  it('follows Accept-Language by quality, else English', () => {
    expect(negotiateLocale('ar-IQ,ar;q=0.9,en;q=0.8')).toBe('ar');
    expect(negotiateLocale('de;q=1, fa-AF;q=0.7, en;q=0.5')).toBe('fa');
    expect(negotiateLocale('en;q=0.4, ckb;q=0.9')).toBe('ckb');
    expect(negotiateLocale('de, fr')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('ps;q=0')).toBe('en');
  });

  it('follows --lang, then LC_ALL, LC_MESSAGES and LANG, else English', () => {
    expect(localeOfEnvironment({ LANG: 'ar_IQ.UTF-8' })).toBe('ar');
    expect(localeOfEnvironment({ LANG: 'ar_IQ.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(localeOfEnvironment({ LC_MESSAGES: 'ps_AF.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ps');
    expect(localeOfEnvironment({ LANG: 'fa_AF.UTF-8' }, 'ckb')).toBe('ckb');
    expect(localeOfEnvironment({})).toBe('en');
  });
});

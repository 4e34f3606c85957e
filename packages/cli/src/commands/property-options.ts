/** Reading `corridor property` options (money, counts, fractions) and printing its report. */
import { errors, formatMoney, isCurrency, parseMoney, type PropertyFigures } from '@corridor/core';
import { table } from '../format.js';

/** Minor units from an option in major units, with the option's name in the error. */
export function money(name: string, value: string, currency: string): number {
  if (!isCurrency(currency))
    throw errors.invalidInput(
      `--currency "${currency}" is not an ISO 4217 currency code (e.g. USD, EUR, IQD)`,
    );
  const minor = parseMoney(value, currency);
  if (minor === null)
    throw errors.invalidInput(
      `--${name} "${value}" must be an amount of ${currency} that is not negative, e.g. 1250.50`,
    );
  return minor;
}

/** A whole number of at least 1 from an option. */
export function count(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw errors.invalidInput(`--${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}

/** A fraction from 0 to 1 from an option. */
export function fraction(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1))
    throw errors.invalidInput(
      `--${name} must be a fraction from 0 to 1 (10% is 0.1), not "${value}"`,
    );
  return n;
}

/** Comma-separated ids. */
export const ids = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The report as text: one line per category and currency, then the totals. */
export function reportText(r: {
  rows: (PropertyFigures & { category: string })[];
  totals: PropertyFigures[];
}): string {
  const cells = (f: PropertyFigures) =>
    [f.appraised, f.offered, f.permitted, f.realised, f.loss].map((v) =>
      formatMoney(v, f.currency),
    );
  const head = ['category', 'assets', 'appraised', 'best offer', 'permitted', 'realised', 'loss'];
  return [
    table(
      head,
      r.rows.map((x) => [x.category, x.assets, ...cells(x)]),
    ),
    '',
    table(
      ['total', 'assets', ...head.slice(2)],
      r.totals.map((x) => [x.currency, x.assets, ...cells(x)]),
    ),
  ].join('\n');
}

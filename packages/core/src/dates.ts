/** Reads the dates people type into rosters: ISO 8601 and the day-first forms used in the field. */
import { isIsoDate, type IsoDate } from './units.js';

/** A date read from a cell, or why it could not be read. */
export type DateReading = { ok: true; date: IsoDate } | { ok: false; reason: string };

const iso =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

function real(y: string, m: string, d: string): DateReading {
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(date)
    ? { ok: true, date }
    : { ok: false, reason: 'is not a real calendar date' };
}

/**
 * Reads `YYYY-MM-DD` (optionally with a time, which is dropped), `DD/MM/YYYY`, `DD.MM.YYYY` or
 * `DD-MM-YYYY`; impossible days such as 31/02/1990 are refused, and so are two-digit years and
 * month-first forms, which cannot be told apart from day-first ones.
 */
export function readDate(text: string): DateReading {
  const value = text.trim();
  const a = iso.exec(value);
  if (a) return real(a[1]!, a[2]!, a[3]!);
  const b = dayFirst.exec(value);
  if (b) return real(b[4]!, b[3]!, b[1]!);
  return {
    ok: false,
    reason: 'is not a date; write YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY',
  };
}

/** Readers for the values of registry columns: each returns the value or why it is wrong. */
import { isDocumentCountryCode, isCountryCode } from './countries.js';
import { readDate } from './dates.js';
import { needCodes, type NeedCode } from './needs.js';
import type { CaseLink, Document, Tie } from './schemas.js';
import type { IsoDate } from './units.js';
import { isCaseStatus, type CaseStatus } from './workflow.js';

/** A value read from a cell, or the reason it was refused. */
export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const no = <T>(reason: string): Reading<T> => ({ ok: false, reason });

/** Splits a multi-value cell on `;` (also `,` and `|`). */
export function splitList(text: string): string[] {
  return text
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A record identifier: letters, digits, `.`, `_`, `-`, at most 64 characters. */
export function readId(text: string): Reading<string> {
  if (text.length > 64) return no('is longer than 64 characters');
  return idPattern.test(text) ? ok(text) : no('must be letters, digits, ".", "_" or "-"');
}

/** An ISO 3166-1 alpha-3 code, or an ICAO 9303 code when `document` is set; case-insensitive. */
export function readCountry(text: string, document: boolean): Reading<string> {
  const code = text.toUpperCase();
  if (document ? isDocumentCountryCode(code) : isCountryCode(code)) return ok(code);
  return no(
    /^[A-Za-z]{2}$/.test(text)
      ? 'is a two-letter code; use the ISO 3166-1 alpha-3 code'
      : `is not an ISO 3166-1 alpha-3 country code${document ? ' or ICAO 9303 code' : ''}`,
  );
}

/** A date in any accepted form. */
export function readIsoDate(text: string): Reading<IsoDate> {
  const r = readDate(text);
  return r.ok ? ok(r.date) : no(r.reason);
}

/** F, M or X from the usual spellings. */
export function readSex(text: string): Reading<'F' | 'M' | 'X'> {
  const v = text.toLowerCase();
  if (['f', 'female', 'w', 'woman', 'girl'].includes(v)) return ok('F');
  if (['m', 'male', 'man', 'boy'].includes(v)) return ok('M');
  if (['x', 'other', 'u', 'unknown', 'unspecified', '<'].includes(v)) return ok('X');
  return no('is not F, M or X');
}

/** Yes or no from the usual spellings. */
export function readYesNo(text: string): Reading<boolean> {
  const v = text.toLowerCase();
  if (['yes', 'y', 'true', '1', 'x', 'head', 'hoh', 'self', 'pa'].includes(v)) return ok(true);
  if (['no', 'n', 'false', '0', 'member'].includes(v)) return ok(false);
  return no('is not yes or no');
}

/** A whole number in a range. */
export function readInt(text: string, min: number, max: number): Reading<number> {
  const n = Number(text);
  return /^\d+$/.test(text) && n >= min && n <= max
    ? ok(n)
    : no(`is not a whole number from ${min} to ${max}`);
}

/** A case status. */
export function readStatus(text: string): Reading<CaseStatus> {
  const v = text.toLowerCase().replace(/[\s_]+/g, '-');
  return isCaseStatus(v) ? ok(v) : no('is not a case status (registered, verified, referred, …)');
}

/** ISO 639 language codes, de-duplicated, in the order given. */
export function readLanguages(text: string): Reading<string[]> {
  const codes = text
    .split(/[;,|\s]+/)
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase());
  const bad = codes.find((c) => !/^[a-z]{2,3}$/.test(c));
  return bad ? no(`"${bad}" is not an ISO 639 language code`) : ok([...new Set(codes)]);
}

/** Specific needs: `SM:2;ER:1`; a sub-code (`SM-CI`) is read as its category; severity 1 by default. */
export function readNeeds(text: string): Reading<{ code: NeedCode; severity: number }[]> {
  const out: { code: NeedCode; severity: number }[] = [];
  for (const item of splitList(text)) {
    const m = /^([A-Za-z]{2})(?:-[A-Za-z0-9]+)?(?:\s*:\s*(\d+))?$/.exec(item);
    const code = m?.[1]?.toUpperCase() as NeedCode | undefined;
    if (!m || !code || !needCodes.includes(code))
      return no(`"${item}" is not a UNHCR specific-needs code (${needCodes.join(', ')})`);
    const severity = m[2] === undefined ? 1 : Number(m[2]);
    if (severity < 1 || severity > 3) return no(`severity of ${code} must be 1, 2 or 3`);
    if (out.some((n) => n.code === code)) return no(`${code} is listed twice`);
    out.push({ code, severity });
  }
  return ok(out);
}

const linkKinds: Record<string, CaseLink['kind']> = {
  travel: 'travel-together',
  'travel-together': 'travel-together',
  settle: 'settle-together',
  'settle-together': 'settle-together',
};

/** Linked cases: `C-0002:travel-together;C-0007:settle-together` (kind defaults to travel-together). */
export function readLinks(text: string): Reading<{ id: string; kind: CaseLink['kind'] }[]> {
  const out: { id: string; kind: CaseLink['kind'] }[] = [];
  for (const item of splitList(text)) {
    const [id = '', kindText = 'travel-together'] = item.split(':').map((s) => s.trim());
    const kind = linkKinds[kindText.toLowerCase().replace(/[\s_]+/g, '-')];
    if (!readId(id).ok) return no(`"${id}" is not a case id`);
    if (!kind) return no(`"${kindText}" is not travel-together or settle-together`);
    out.push({ id, kind });
  }
  return ok(out);
}

const tieKinds: readonly Tie['kind'][] = ['family', 'previous-residence', 'study', 'work'];

/** Ties to countries: `DEU:family;SWE:study`. */
export function readTies(text: string): Reading<Omit<Tie, 'householdId'>[]> {
  const out: Omit<Tie, 'householdId'>[] = [];
  for (const item of splitList(text)) {
    const [countryText = '', kindText = 'family'] = item.split(':').map((s) => s.trim());
    const country = readCountry(countryText, false);
    if (!country.ok) return no(`"${countryText}" ${country.reason}`);
    const kind = kindText.toLowerCase().replace(/[\s_]+/g, '-') as Tie['kind'];
    if (!tieKinds.includes(kind)) return no(`"${kindText}" is not one of ${tieKinds.join(', ')}`);
    out.push({ country: country.value as Tie['country'], kind });
  }
  return ok(out);
}

/** Destination ids in order of preference. */
export function readPreferences(text: string): Reading<string[]> {
  const ids = text.split(/[;,|\s]+/).filter((s) => s !== '');
  const bad = ids.find((id) => !readId(id).ok);
  if (bad) return no(`"${bad}" is not a destination id`);
  if (new Set(ids).size !== ids.length) return no('names a destination twice');
  if (ids.length > 20) return no('lists more than 20 destinations');
  return ok(ids);
}

const documentTypes: Record<string, Document['type']> = {
  passport: 'passport',
  p: 'passport',
  'travel-document': 'travel-document',
  ctd: 'travel-document',
  'refugee-travel-document': 'travel-document',
  'convention-travel-document': 'travel-document',
  'national-id': 'national-id',
  id: 'national-id',
  'id-card': 'national-id',
  'identity-card': 'national-id',
  'laissez-passer': 'laissez-passer',
};

/** A document type from the usual spellings. */
export function readDocumentType(text: string): Reading<Document['type']> {
  const t = documentTypes[text.toLowerCase().replace(/[\s_]+/g, '-')];
  return t ? ok(t) : no('is not passport, travel-document, national-id or laissez-passer');
}

/** A consent cell: `given`, `refused` or `withdrawn`, optionally followed by the date it was decided. */
export function readConsentCell(
  text: string,
): Reading<{ decision: 'given' | 'refused' | 'withdrawn'; date: IsoDate | null }> {
  const m = /^(given|refused|withdrawn)(?:[\s:;,]+(.+))?$/i.exec(text.trim());
  if (!m) return no('is not given, refused or withdrawn (optionally followed by a date)');
  const decision = m[1]!.toLowerCase() as 'given' | 'refused' | 'withdrawn';
  if (m[2] === undefined) return ok({ decision, date: null });
  const date = readDate(m[2].trim());
  return date.ok ? ok({ decision, date: date.date }) : no(`has a date that ${date.reason}`);
}

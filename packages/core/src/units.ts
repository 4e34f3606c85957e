/** Branded unit and code types: a seat count cannot be passed where a weight is expected. */
/** Attaches a compile-time brand to a primitive type. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** A count of people. */
export type Persons = Brand<number, 'Persons'>;
/** A mass in kilograms. */
export type Kilograms = Brand<number, 'Kilograms'>;
/** A calendar date `YYYY-MM-DD` (ISO 8601). */
export type IsoDate = Brand<string, 'IsoDate'>;
/** An ISO 3166-1 alpha-3 country code (or an ICAO 9303 code such as XXA). */
export type Iso3 = Brand<string, 'Iso3'>;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a `YYYY-MM-DD` string names a real calendar day. */
export function isIsoDate(value: string): value is IsoDate {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Adds whole days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10) as IsoDate;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const zonedFormats = new Map<string, Intl.DateTimeFormat>();

function zonedFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zonedFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    zonedFormats.set(timeZone, format);
  }
  return format;
}

/** Writes an instant as ISO 8601 local time in an IANA time zone, with its offset (e.g. +03:00). */
export function toZonedIso(instant: Date, timeZone: string): string {
  const parts = zonedFormat(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const zone = get('timeZoneName').replace('GMT', '');
  const offset = zone === '' || zone === '+00:00' ? 'Z' : zone;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}

/** The offset an ISO 8601 date-time was written with: `Z` or `±HH:MM`. */
export function isoOffsetOf(iso: string): string {
  const m = /(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return m ? m[1]! : 'Z';
}

/** An instant written at a fixed offset (`Z` or `±HH:MM`), e.g. 2031-06-30T08:40:00+05:00. */
export function toOffsetIso(instant: Date, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return local + (minutes === 0 ? 'Z' : offset);
}

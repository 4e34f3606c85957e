/** ICAO Doc 9303 machine-readable zones of TD3 (passport-size) documents: build, parse, verify. */

const weights = [7, 3, 1];

function charValue(ch: string): number {
  if (ch === '<') return 0;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return -1;
}

/** The ICAO 9303 check digit of a field (weights 7, 3, 1 over digit, letter and filler values). */
export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const v = charValue(field[i] as string);
    if (v < 0) return '?';
    sum += v * (weights[i % 3] as number);
  }
  return String(sum % 10);
}

/** Upper-cases and transliterates a name part to the MRZ alphabet (A–Z and `<`). */
export function mrzName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, '<')
    .replace(/^<+|<+$/g, '');
}

function pad(text: string, length: number): string {
  return (text + '<'.repeat(length)).slice(0, length);
}

/** The fields of a TD3 document. */
export interface Td3Fields {
  documentCode: string;
  issuer: string;
  surname: string;
  givenNames: string;
  number: string;
  nationality: string;
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  personalNumber: string;
}

function yymmdd(isoDate: string): string {
  return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}

/** Builds the two 44-character lines of a TD3 MRZ; dates are ISO `YYYY-MM-DD`. */
export function buildTd3(f: Td3Fields): [string, string] {
  const names = `${mrzName(f.surname)}<<${mrzName(f.givenNames)}`;
  const line1 = pad(`${pad(f.documentCode, 2)}${f.issuer.padEnd(3, '<')}${names}`, 44);
  const number = pad(f.number.toUpperCase(), 9);
  const birth = yymmdd(f.birthDate);
  const expiry = yymmdd(f.expiryDate);
  const personal = pad(f.personalNumber, 14);
  const personalCheck = f.personalNumber === '' ? '<' : checkDigit(personal);
  const composite =
    number +
    checkDigit(number) +
    birth +
    checkDigit(birth) +
    expiry +
    checkDigit(expiry) +
    personal +
    personalCheck;
  const line2 =
    number +
    checkDigit(number) +
    f.nationality.padEnd(3, '<') +
    birth +
    checkDigit(birth) +
    (f.sex === 'X' ? '<' : f.sex) +
    expiry +
    checkDigit(expiry) +
    personal +
    personalCheck +
    checkDigit(composite);
  return [line1, line2];
}

/** A problem found in an MRZ, naming the field. */
export interface MrzProblem {
  field: string;
  reason: string;
}

/** The result of parsing a TD3 MRZ: fields as read, and every problem found. */
export interface Td3Parse {
  fields: Omit<Td3Fields, 'birthDate' | 'expiryDate' | 'sex'> & {
    birthDate: string;
    expiryDate: string;
    sex: string;
  };
  problems: MrzProblem[];
}

/** Parses a TD3 MRZ (two lines of 44) and verifies every check digit. */
export function parseTd3(line1: string, line2: string): Td3Parse {
  const problems: MrzProblem[] = [];
  for (const [name, line] of [
    ['line 1', line1],
    ['line 2', line2],
  ] as const) {
    if (line.length !== 44)
      problems.push({ field: name, reason: `has ${line.length} characters, expected 44` });
    if (!/^[A-Z0-9<]*$/.test(line))
      problems.push({ field: name, reason: 'has characters outside A-Z, 0-9 and <' });
  }
  const names = line1.slice(5).split('<<');
  const fields = {
    documentCode: line1.slice(0, 2).replace(/<+$/, ''),
    issuer: line1.slice(2, 5).replace(/<+$/, ''),
    surname: (names[0] ?? '').replace(/</g, ' ').trim(),
    givenNames: names.slice(1).join(' ').replace(/</g, ' ').trim(),
    number: line2.slice(0, 9).replace(/<+$/, ''),
    nationality: line2.slice(10, 13).replace(/<+$/, ''),
    birthDate: line2.slice(13, 19),
    sex: line2.slice(20, 21),
    expiryDate: line2.slice(21, 27),
    personalNumber: line2.slice(28, 42).replace(/<+$/, ''),
  };
  if (problems.length > 0) return { fields, problems };
  const checks: [string, string, string][] = [
    ['document number', line2.slice(0, 9), line2.slice(9, 10)],
    ['date of birth', line2.slice(13, 19), line2.slice(19, 20)],
    ['date of expiry', line2.slice(21, 27), line2.slice(27, 28)],
  ];
  const personal = line2.slice(28, 42);
  const personalCheck = line2.slice(42, 43);
  if (!(personalCheck === '<' && /^<*$/.test(personal)))
    checks.push(['personal number', personal, personalCheck]);
  const composite = line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43);
  checks.push(['composite', composite, line2.slice(43, 44)]);
  for (const [field, value, digit] of checks) {
    const expected = checkDigit(value);
    if (expected !== digit)
      problems.push({ field, reason: `check digit is ${digit}, expected ${expected}` });
  }
  if (!/^[MFX<]$/.test(fields.sex))
    problems.push({ field: 'sex', reason: `"${fields.sex}" is not M, F or <` });
  return { fields, problems };
}

/** Converts an MRZ YYMMDD date to ISO, choosing the century so that the date is not after `notAfterYear`. */
export function mrzDateToIso(yymmddValue: string, notAfterYear: number): string {
  const yy = Number(yymmddValue.slice(0, 2));
  let year = 2000 + yy;
  if (year > notAfterYear) year -= 100;
  return `${year}-${yymmddValue.slice(2, 4)}-${yymmddValue.slice(4, 6)}`;
}

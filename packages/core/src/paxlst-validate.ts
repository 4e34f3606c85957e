/**
 * A structural check of PAXLST interchanges (D:05B, WCO/IATA/ICAO API profile): service
 * characters and escapes, the character set, segment order and groups, control counts and
 * references (UNT, UNE, UNZ, CNT), and the form of dates, codes and required elements.
 */
import { readSegments, unoaPattern, type EdifactSegment } from './edifact.js';
import { isIsoDate } from './units.js';

/** One thing wrong with an interchange, at a segment position (0: the whole text). */
export interface PaxlstProblem {
  position: number;
  tag: string;
  reason: string;
}

/** The verdict on an interchange, with what was counted. */
export interface PaxlstVerdict {
  ok: boolean;
  problems: PaxlstProblem[];
  segments: number;
  messages: number;
  passengers: number;
  version: string | null;
}

const el = (s: EdifactSegment | undefined, e: number, c = 0) => s?.elements[e]?.[c] ?? '';

function realYymmdd(v: string): boolean {
  if (!/^\d{6}$/.test(v)) return false;
  // Any century will do for checking that the day exists; 2000 is a leap year like 1900 is not,
  // so 29 February is accepted for every even-four year.
  return isIsoDate(`20${v.slice(0, 2)}-${v.slice(2, 4)}-${v.slice(4, 6)}`);
}

/** Checks a PAXLST interchange and lists every problem found. */
export function validatePaxlst(text: string): PaxlstVerdict {
  const { segments, syntax, problems: syntaxProblems } = readSegments(text);
  const problems: PaxlstProblem[] = syntaxProblems.map((reason) => ({
    position: 0,
    tag: '',
    reason,
  }));
  const add = (s: EdifactSegment | undefined, reason: string) =>
    problems.push({ position: s?.position ?? 0, tag: s?.tag ?? '(end)', reason });
  for (const s of segments) {
    if (s.tag === 'UNA') continue;
    if (!/^[A-Z]{3}$/.test(s.tag)) add(s, `"${s.tag}" is not a segment tag`);
    const body = s.raw.replace(/[\r\n]/g, '');
    if (!unoaPattern.test(body)) add(s, 'holds characters outside the UNOA character set');
  }
  let i = 0;
  const at = () => segments[i];
  const is = (tag: string, qualifier?: string) =>
    at()?.tag === tag && (qualifier === undefined || el(at(), 0) === qualifier);
  const take = (tag: string, qualifier?: string): EdifactSegment | undefined => {
    if (is(tag, qualifier)) return segments[i++];
    return undefined;
  };
  const need = (tag: string, what: string): EdifactSegment | undefined => {
    const s = take(tag);
    if (!s) add(at(), `expected ${tag} (${what}), found ${at()?.tag ?? 'the end'}`);
    return s;
  };
  const many = (tag: string) => {
    const out: EdifactSegment[] = [];
    while (is(tag)) out.push(segments[i++]!);
    return out;
  };
  const checkDtm = (s: EdifactSegment) => {
    const [q = '', v = '', f = ''] = s.elements[0] ?? [];
    if (q === '189' || q === '232') {
      if (f !== '201' || !/^\d{10}$/.test(v) || !realYymmdd(v.slice(0, 6)))
        add(s, `DTM ${q} must be YYMMDDHHMM with format 201`);
    } else if ((q === '329' || q === '36') && !realYymmdd(v))
      add(s, `DTM ${q} must be a real date YYMMDD`);
  };
  take('UNA');
  if (segments[0]?.tag === 'UNA' && syntax.release !== '?')
    add(segments[0], 'release character is not ?');
  const unb = need('UNB', 'interchange header');
  if (unb && !/^UNO[A-Z]$/.test(el(unb, 0))) add(unb, 'syntax identifier must be UNOA, UNOB, …');
  const ung = take('UNG');
  const unh = need('UNH', 'message header');
  let version: string | null = null;
  if (unh) {
    const id = unh.elements[1] ?? [];
    version = id.slice(1, 3).join(':') || null;
    if (id[0] !== 'PAXLST') add(unh, `message type is ${id[0] ?? 'missing'}, not PAXLST`);
    if (id[1] !== 'D' || !/^\d{2}[AB]$/.test(id[2] ?? '') || id[3] !== 'UN')
      add(unh, 'message version must be D:<directory>:UN, e.g. D:05B:UN');
  }
  const bgm = need('BGM', 'beginning of message');
  if (bgm && !['745', '250', '266'].includes(el(bgm, 0)))
    add(bgm, 'BGM code must be 745 (passengers) or 250 (crew)');
  many('RFF');
  if (take('NAD', 'MS')) take('COM');
  if (!is('TDT')) add(at(), `expected TDT (transport details), found ${at()?.tag ?? 'the end'}`);
  while (take('TDT')) {
    if (!is('LOC')) add(at(), 'a TDT must be followed by its LOC and DTM segments');
    while (is('LOC')) {
      i++;
      for (const d of many('DTM')) checkDtm(d);
    }
  }
  let passengers = 0;
  while (is('NAD')) {
    const nad = segments[i++]!;
    const q = el(nad, 0);
    if (q !== 'FL' && q !== 'FM') add(nad, `NAD qualifier ${q} is not FL (passenger) or FM (crew)`);
    else passengers += 1;
    if (!el(nad, 3)) add(nad, 'the person has no name (NAD element 4)');
    const att = take('ATT');
    if (att && !['M', 'F', 'U', 'X'].includes(el(att, 2))) add(att, 'gender must be M, F or U');
    for (const d of many('DTM')) checkDtm(d);
    many('MEA');
    many('GEI');
    many('FTX');
    many('LOC');
    take('COM');
    take('EMP');
    for (const n of many('NAT'))
      if (!/^[A-Z]{3}$/.test(el(n, 1))) add(n, 'nationality must be a three-letter code');
    many('RFF');
    while (is('DOC')) {
      const doc = segments[i++]!;
      if (!el(doc, 0)) add(doc, 'document type is missing');
      if (!el(doc, 1)) add(doc, 'document number is missing');
      for (const d of many('DTM')) checkDtm(d);
      take('GEI');
      many('LOC');
    }
  }
  const cnt = need('CNT', 'control total');
  if (cnt && (el(cnt, 0, 0) !== '42' || Number(el(cnt, 0, 1)) !== passengers))
    add(
      cnt,
      `CNT+42 says ${el(cnt, 0, 1) || 'nothing'}, but the message lists ${passengers} persons`,
    );
  const unt = need('UNT', 'message trailer');
  if (unt && unh) {
    const count = unt.position - unh.position + 1;
    if (Number(el(unt, 0)) !== count)
      add(unt, `UNT counts ${el(unt, 0)} segments; the message has ${count}`);
    if (el(unt, 1) !== el(unh, 0)) add(unt, 'UNT reference differs from UNH');
  }
  if (ung) {
    const une = need('UNE', 'group trailer');
    if (une && (el(une, 0) !== '1' || el(une, 1) !== el(ung, 4)))
      add(une, 'UNE must count 1 message and repeat the UNG reference');
  }
  const unz = need('UNZ', 'interchange trailer');
  if (unz && unb && (el(unz, 0) !== '1' || el(unz, 1) !== el(unb, 4)))
    add(unz, 'UNZ must count 1 message or group and repeat the UNB reference');
  if (i < segments.length)
    add(segments[i], `unexpected ${segments[i]!.tag} after the interchange trailer`);
  return {
    ok: problems.length === 0,
    problems,
    segments: segments.length,
    messages: unh ? 1 : 0,
    passengers,
    version,
  };
}

/** UN/EDIFACT syntax (ISO 9735): service characters, escaping, writing and reading segments. */

/** The service characters of an interchange (the UNA service string advice). */
export interface EdifactSyntax {
  component: string;
  element: string;
  decimal: string;
  release: string;
  segment: string;
}

/** The default service characters: `:` `+` `.` `?` and `'`. */
export const defaultSyntax: EdifactSyntax = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  segment: "'",
};

/** The UNA segment announcing the service characters. */
export function unaSegment(s: EdifactSyntax = defaultSyntax): string {
  return `UNA${s.component}${s.element}${s.decimal}${s.release} ${s.segment}`;
}

/** Escapes the service characters in a value with the release character. */
export function escapeEdifact(value: string, s: EdifactSyntax = defaultSyntax): string {
  const special = new Set([s.component, s.element, s.release, s.segment]);
  let out = '';
  for (const ch of value) out += special.has(ch) ? s.release + ch : ch;
  return out;
}

/** A data element: one value, or its components. */
export type EdifactElement = string | readonly string[] | undefined;

/** Writes one segment (terminator included); trailing empty elements and components are dropped. */
export function writeSegment(
  tag: string,
  elements: readonly EdifactElement[],
  s: EdifactSyntax = defaultSyntax,
): string {
  const parts = elements.map((e) => {
    const comps = (typeof e === 'string' ? [e] : (e ?? [])).map((c) => escapeEdifact(c, s));
    while (comps.length > 0 && comps[comps.length - 1] === '') comps.pop();
    return comps.join(s.component);
  });
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return [tag, ...parts].join(s.element) + s.segment;
}

/** A segment as read: its tag and elements, each a list of unescaped components. */
export interface EdifactSegment {
  tag: string;
  elements: string[][];
  /** Its position, 1 for the first segment (UNA included). */
  position: number;
  /** The raw text, escapes kept. */
  raw: string;
}

/** Reads an interchange into segments, honouring UNA and release characters. */
export function readSegments(text: string): {
  segments: EdifactSegment[];
  syntax: EdifactSyntax;
  problems: string[];
} {
  const problems: string[] = [];
  let s = defaultSyntax;
  let i = 0;
  const segments: EdifactSegment[] = [];
  if (text.startsWith('UNA')) {
    const c = text.slice(3, 9);
    if (c.length < 6) problems.push('UNA: the service string advice is cut short');
    s = { component: c[0]!, element: c[1]!, decimal: c[2]!, release: c[3]!, segment: c[5]! };
    segments.push({ tag: 'UNA', elements: [], position: 1, raw: text.slice(0, 9) });
    i = 9;
  }
  let elements: string[][] = [[]];
  let current = '';
  let raw = '';
  let started = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (!started && (ch === '\n' || ch === '\r')) continue;
    started = true;
    raw += ch;
    if (ch === s.release) {
      const next = text[i + 1];
      if (next === undefined) {
        problems.push('the text ends with a release character');
        break;
      }
      current += next;
      raw += next;
      i++;
    } else if (ch === s.component) {
      elements[elements.length - 1]!.push(current);
      current = '';
    } else if (ch === s.element) {
      elements[elements.length - 1]!.push(current);
      elements.push([]);
      current = '';
    } else if (ch === s.segment) {
      elements[elements.length - 1]!.push(current);
      const [tagParts = [], ...rest] = elements;
      segments.push({
        tag: tagParts[0] ?? '',
        elements: rest,
        position: segments.length + 1,
        raw,
      });
      elements = [[]];
      current = '';
      raw = '';
      started = false;
    } else current += ch;
  }
  if (started && raw.trim() !== '')
    problems.push(`the last segment (${raw.slice(0, 20)}…) has no segment terminator`);
  return { segments, syntax: s, problems };
}

/** Characters of syntax level A (UNOA): upper-case letters, digits, space and some punctuation. */
export const unoaPattern = /^[A-Z0-9 .,\-()/='+:?!"%&*;<>]*$/;

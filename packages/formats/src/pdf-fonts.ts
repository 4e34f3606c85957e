/**
 * Fonts for Corridor's PDFs in any of its languages: the PDF core fonts (Helvetica) for Latin
 * script, Noto Naskh Arabic (OFL, shipped by @fontsource/noto-naskh-arabic, embedded and subset)
 * for Arabic script — Arabic, Farsi/Dari, Pashto, Sorani Kurdish — shaped by pdfkit's fontkit.
 */
import { readFileSync } from 'node:fs';
import type { Locale } from '@corridor/core';
import { createRequire } from 'node:module';

/** One language of a PDF's labels: one of Corridor's languages. */
export type PdfLanguage = Locale;

/** The two scripts Corridor's PDFs print. */
export type PdfScript = 'latin' | 'arabic';

const arabicLetters = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/;

/** Text in the PDF core fonts' character set (WinAnsi): accents folded, others shown as `?`. */
export function pdfText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, '?');
}

/** Text as one font can print it: Arabic script as it is (shaped), other text folded to WinAnsi. */
export function printable(text: string): string {
  return scriptOf(text) === 'arabic' ? text : pdfText(text);
}

/**
 * Where a box `w` wide starts when it lies `offset` from the layout's start edge: the left margin,
 * or the right one in a right-to-left layout.
 */
export function startEdge(margin: number, width: number, rtl: boolean) {
  return (offset: number, w: number) => (rtl ? margin + width - offset - w : margin + offset);
}

/** The script a text is written in: Arabic as soon as it holds an Arabic-script letter. */
export function scriptOf(text: string): PdfScript {
  return arabicLetters.test(text) ? 'arabic' : 'latin';
}

/** The script of a language's labels. */
export function scriptOfLanguage(language: PdfLanguage): PdfScript {
  return language === 'en' ? 'latin' : 'arabic';
}

/** True for the languages written right to left. */
export function isRightToLeft(language: PdfLanguage): boolean {
  return scriptOfLanguage(language) === 'arabic';
}

const arabicFiles = {
  regular: 'noto-naskh-arabic-arabic-400-normal.woff',
  bold: 'noto-naskh-arabic-arabic-700-normal.woff',
};
const fontBytes = new Map<string, Buffer>();

function arabicFont(weight: keyof typeof arabicFiles): Buffer {
  const file = arabicFiles[weight];
  let bytes = fontBytes.get(file);
  if (!bytes) {
    const path = createRequire(import.meta.url).resolve(
      `@fontsource/noto-naskh-arabic/files/${file}`,
    );
    bytes = readFileSync(path);
    fontBytes.set(file, bytes);
  }
  return bytes;
}

/**
 * pdfkit's text options for Arabic script: fontkit shapes with every default feature except
 * `ccmp`, which in the Noto fonts splits letters into a dotless body and separate dots — glyphs
 * without a character behind them, which would break the text a reader copies or searches.
 */
export const arabicTextFeatures = {
  ccmp: false,
} as unknown as PDFKit.Mixins.TextOptions['features'];

/** A font chosen for a text: its registered name and the options to draw with. */
export interface PdfFont {
  name: string;
  script: PdfScript;
  options: PDFKit.Mixins.TextOptions;
}

/**
 * Registers (once per document) and selects the font for a script or language on a pdfkit
 * document, and says the text options to draw with.
 */
export function usePdfFont(
  doc: PDFKit.PDFDocument,
  scriptOrLanguage: PdfScript | PdfLanguage,
  weight: 'regular' | 'bold' = 'regular',
): PdfFont {
  const script =
    scriptOrLanguage === 'latin' || scriptOrLanguage === 'arabic'
      ? scriptOrLanguage
      : scriptOfLanguage(scriptOrLanguage);
  if (script === 'latin') {
    const name = weight === 'bold' ? 'Helvetica-Bold' : 'Helvetica';
    doc.font(name);
    return { name, script, options: {} };
  }
  const name = `NotoNaskhArabic-${weight}`;
  const registered = doc as unknown as { _registeredFonts?: Record<string, unknown> };
  if (!registered._registeredFonts?.[name]) doc.registerFont(name, arabicFont(weight));
  doc.font(name);
  markGlyphsWithoutText(doc);
  return { name, script, options: { features: arabicTextFeatures } };
}

/** What of pdfkit's embedded font (private) the mapping below needs. */
interface EmbeddedFontInternals {
  encode: (text: string, features?: unknown) => unknown;
  unicode?: number[][];
  corridorMarked?: boolean;
}

/**
 * Some letters are shaped into two glyphs (a medial Farsi yeh: its body and its dots); the second
 * stands for no character, and pdfkit would write an empty, invalid entry for it in the font's
 * ToUnicode map, which readers turn into a stray control character. Such glyphs are mapped to
 * ZERO WIDTH JOINER, which changes nothing between two letters that already join.
 */
function markGlyphsWithoutText(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
  if (!font || font.corridorMarked || typeof font.encode !== 'function') return;
  const encode = font.encode.bind(font);
  font.encode = (text, features) => {
    const result = encode(text, features);
    for (const [gid, codePoints] of (font.unicode ?? []).entries())
      if (codePoints && codePoints.length === 0) font.unicode![gid] = [0x200d];
    return result;
  };
  font.corridorMarked = true;
}

/** Selects the font a text needs (by its own script) and returns the options to draw it with. */
export function fontForText(
  doc: PDFKit.PDFDocument,
  text: string,
  weight: 'regular' | 'bold' = 'regular',
): PDFKit.Mixins.TextOptions {
  return usePdfFont(doc, scriptOf(text), weight).options;
}

/**
 * Writes one line of text that may mix scripts (an Arabic label with a case number, a name in
 * Arabic beside one in Latin letters), aligned in `width` from the layout's start edge (the right
 * one when `rtl`). The line is laid out as the Unicode bidirectional algorithm would, reduced to
 * one level of embedding: its direction is that of its first letter; Arabic letters run right to
 * left, Latin letters and numbers left to right, and signs between them follow their neighbours
 * (or the line when the neighbours differ). Each piece is drawn in the font that has its glyphs.
 */
export function writeLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  options: {
    width: number;
    rtl: boolean;
    weight?: 'regular' | 'bold';
    align?: 'start' | 'end' | 'center';
  },
): void {
  const weight = options.weight ?? 'regular';
  const pieces = visualPieces(text, options.rtl);
  // Every piece stands on Helvetica's baseline: the Arabic font's taller ascent would otherwise
  // push its letters below the Latin ones beside them.
  usePdfFont(doc, 'latin', weight);
  const baseline =
    y +
    ((doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * fontSizeOf(doc);
  const space = doc.widthOfString(' ');
  if (pieces.length === 1 && !/\s/.test(text)) {
    doc.text(text, x, baseline, {
      ...fontForText(doc, text, weight),
      baseline: 'alphabetic',
      width: options.width,
      align: alignOf(options.align ?? 'start', options.rtl),
      lineBreak: false,
      ellipsis: true,
    });
    return;
  }
  // Pieces the Latin font draws (words, digits, signs and the spaces between them) go out as one
  // string, so a reader copying the line gets its words with their spaces.
  const runs: string[] = [];
  for (const piece of pieces) {
    const last = runs.at(-1);
    if (last !== undefined && !arabicFontCharacters.test(last) && !arabicFontCharacters.test(piece))
      runs[runs.length - 1] = last + piece;
    else runs.push(piece);
  }
  const measured = runs.map((piece) => {
    if (piece.trim() === '') return { piece, opts: null, width: space * piece.length };
    const opts = fontForText(doc, piece, weight);
    return { piece, opts, width: doc.widthOfString(piece, opts) };
  });
  const total = measured.reduce((w, r) => w + r.width, 0);
  const align = options.align ?? 'start';
  const free = Math.max(0, options.width - total);
  const fromStart = align === 'center' ? free / 2 : align === 'end' ? free : 0;
  let cx = options.rtl ? x + options.width - fromStart - total : x + fromStart;
  for (const r of measured) {
    if (r.opts) {
      fontForText(doc, r.piece, weight);
      doc.text(r.piece, cx, baseline, { ...r.opts, baseline: 'alphabetic', lineBreak: false });
    }
    cx += r.width;
  }
}

/**
 * Breaks a text into lines that each fit `width` at the document's font size, at spaces, in
 * reading order (each line is then drawn with `writeLine`). A word wider than the width stays
 * whole on its own line.
 */
export function wrapWords(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  weight: 'regular' | 'bold' = 'regular',
): string[] {
  // Letters join within a word, never across a space: a line is as wide as its words and spaces.
  const widthOf = (word: string) =>
    splitRuns(word).reduce((w, piece) => {
      const options = fontForText(doc, piece, weight);
      return w + doc.widthOfString(piece, options);
    }, 0);
  usePdfFont(doc, 'latin', weight);
  const space = doc.widthOfString(' ');
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = widthOf(word);
    if (current && currentWidth + space + w > width) {
      lines.push(current);
      current = word;
      currentWidth = w;
    } else {
      current = current ? `${current} ${word}` : word;
      currentWidth += (currentWidth > 0 ? space : 0) + w;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function fontSizeOf(doc: PDFKit.PDFDocument): number {
  return (doc as unknown as { _fontSize: number })._fontSize;
}

function alignOf(align: 'start' | 'end' | 'center', rtl: boolean): 'left' | 'right' | 'center' {
  if (align === 'center') return 'center';
  return (align === 'start') !== rtl ? 'left' : 'right';
}

/** What the Arabic font draws: the Arabic blocks (letters, Arabic digits and signs). */
const arabicFontCharacters = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/;

type Direction = 'rtl' | 'ltr';

/** A character's own direction: Arabic letters right to left, other letters and digits left to right. */
function strongDirection(ch: string): Direction | null {
  if (arabicLetters.test(ch)) return 'rtl';
  return /[\p{L}\p{N}]/u.test(ch) ? 'ltr' : null;
}

const mirrored: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '<': '>',
  '>': '<',
};

/**
 * The pieces of a line, from left to right as they are drawn: runs of one direction and one font,
 * spaces on their own, brackets inside right-to-left runs turned to face the right way.
 */
export function visualPieces(text: string, rtl: boolean): string[] {
  const chars = [...text];
  // Digits run left to right but sit in the direction of the letters before them (a number in an
  // Arabic sentence stays in its place in the sentence; the digits of C-0001 stay with the C).
  let lastLetter: Direction | null = null;
  const letterLine = chars.find((ch) => /\p{L}/u.test(ch));
  const fallback: Direction = letterLine ? strongDirection(letterLine)! : rtl ? 'rtl' : 'ltr';
  const own = chars.map((ch) => {
    const d = strongDirection(ch);
    if (d && /\p{L}/u.test(ch)) lastLetter = d;
    return d && !/\p{L}/u.test(ch) ? (lastLetter ?? fallback) : d;
  });
  // A word of Latin letters and digits (4:47eb…, C-0001, BGW-FRA) reads left to right whole, its
  // digits and inner signs included, as the bidirectional algorithm keeps numbers next to Latin
  // letters at one level; signs at its ends still follow their neighbours.
  for (const word of text.matchAll(/\S+/gu)) {
    const span = [...word[0]];
    if (span.some((ch) => arabicLetters.test(ch)) || !span.some((ch) => /\p{L}/u.test(ch)))
      continue;
    const start = chars.length - [...text.slice(word.index)].length;
    const first = span.findIndex((ch) => /[\p{L}\p{N}]/u.test(ch));
    const last = span.findLastIndex((ch) => /[\p{L}\p{N}]/u.test(ch));
    for (let i = first; i <= last; i++) own[start + i] = 'ltr';
  }
  // The line's direction is its first letter's (digits have none of their own).
  const line = fallback;
  // Signs and spaces take the direction of their neighbours when both agree, else the line's.
  const resolved = own.map((d, i) => {
    if (d) return d;
    const before = own.slice(0, i).findLast((o) => o !== null);
    const after = own.slice(i + 1).find((o) => o !== null);
    return before && before === after ? before : line;
  });
  const runs: { direction: Direction; text: string }[] = [];
  chars.forEach((ch, i) => {
    const last = runs.at(-1);
    if (last && last.direction === resolved[i]) last.text += ch;
    else runs.push({ direction: resolved[i]!, text: ch });
  });
  if (line === 'rtl') runs.reverse();
  return runs.flatMap((run) => {
    const pieces = splitRuns(run.text);
    return run.direction === 'rtl'
      ? pieces
          .flatMap(numberApart)
          .reverse()
          .map((p) => (arabicFontCharacters.test(p) ? p : mirror(p)))
      : pieces;
  });
}

/**
 * A piece of a right-to-left run split into its number and the signs before and after it: the
 * number (2028-01-01, 3.5, 20%) reads left to right, a sign at its ends (the colon of
 * `2028-01-01:`, a bracket) is a neutral the run places in its own direction.
 */
function numberApart(piece: string): string[] {
  if (arabicFontCharacters.test(piece) || /\p{L}/u.test(piece)) return [piece];
  const number = /\p{N}(?:.*\p{N})?[%\u2030\u00b0]?/u.exec(piece);
  if (!number) return [piece];
  const end = number.index + number[0].length;
  return [piece.slice(0, number.index), number[0], piece.slice(end)].filter((p) => p !== '');
}

/** A piece of signs in a right-to-left run: brackets face the other way, the order reverses. */
function mirror(piece: string): string {
  if (/[\p{L}\p{N}]/u.test(piece)) return piece;
  return [...piece]
    .reverse()
    .map((c) => mirrored[c] ?? c)
    .join('');
}

/**
 * Splits a text into runs for one font each — Arabic script, or the rest (Latin, ASCII digits and
 * signs, which the Arabic font does not draw) — and runs of spaces.
 */
export function splitRuns(text: string): string[] {
  const runs: string[] = [];
  let kind: string | null = null;
  for (const ch of text) {
    const k = /\s/.test(ch) ? 'space' : arabicFontCharacters.test(ch) ? 'arabic' : 'other';
    if (k === kind) runs[runs.length - 1] += ch;
    else runs.push(ch);
    kind = k;
  }
  return runs;
}

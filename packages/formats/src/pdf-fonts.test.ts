import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { openA4Pdf } from './pdf-document.js';
import { visualPieces, writeLine } from './pdf-fonts.js';

/** A one-page PDF with `lines` drawn by `writeLine` in a right-to-left layout, as its text. */
async function textOfLines(lines: string[]): Promise<string[]> {
  const { doc, done } = await openA4Pdf({ margin: 40, title: 'bidi', subject: 'bidi' });
  lines.forEach((text, i) => writeLine(doc, text, 40, 60 + 30 * i, { width: 500, rtl: true }));
  doc.end();
  const pdf = await done;
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  });
  return text.replace(/\u200d/g, '').split('\n');
}

describe('a number followed by a sign in a right-to-left line', () => {
  it('keeps the number whole and puts the sign on the side the reading reaches it', () => {
    // "until 2028-01-01: exposure": read from the right, the colon comes after the date, at its left.
    expect(visualPieces('حتى 2028-01-01: التعرّض', true)).toEqual([
      'التعرّض',
      ' ',
      ':',
      '2028-01-01',
      ' ',
      'حتى',
    ]);
    // A number between brackets: the brackets face the right way, the number reads left to right.
    expect(visualPieces('المقاعد (120) متاحة', true)).toEqual([
      'متاحة',
      ' ',
      '(',
      '120',
      ')',
      ' ',
      'المقاعد',
    ]);
    expect(visualPieces('النسبة 20%: جيدة', true)).toEqual([
      'جيدة',
      ' ',
      ':',
      '20%',
      ' ',
      'النسبة',
    ]);
  });

  it('reads back from the PDF with the colon at the left of the date, as drawn', async () => {
    const [line] = await textOfLines(['حتى 2028-01-01: التعرّض']);
    expect(line).toContain(':2028-01-01');
    expect(line).not.toContain('2028-01-01:');
    expect(line).toContain('التعرّض');
    expect(line).toContain('حتى');
  });
});

import { inflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { checkinSlipsPdf, type CheckinSlip } from './checkin-slip-pdf.js';

// jsQR is a UMD module whose function is module.exports; its types call it a default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

const movement = {
  id: 'M-007',
  kind: 'charter',
  origin: 'BGW',
  destinationId: 'DEU',
  arrivalAirport: 'FRA',
  departAt: '2031-06-30T05:00:00+03:00',
  timezone: 'Asia/Baghdad',
};

const slip = (i: number): CheckinSlip => ({
  personId: `P-${String(i).padStart(5, '0')}`,
  householdId: `C-${String(Math.ceil(i / 3)).padStart(4, '0')}`,
  isHead: i % 3 === 1,
  name: `Given${i} Family`,
  code: `CORRIDOR-SLIP:M-007:P-${String(i).padStart(5, '0')}`,
});

/** Every page's content stream, inflated. */
function contentStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (let i = text.indexOf('stream\n'); i >= 0; i = text.indexOf('stream\n', i + 1)) {
    const end = text.indexOf('\nendstream', i);
    try {
      out.push(inflateSync(pdf.subarray(i + 7, end)).toString('latin1'));
    } catch {
      // not a Flate stream
    }
  }
  return out.filter((s) => s.includes(' re\n'));
}

/**
 * What a scanner would read on a page: the page's filled rectangles painted as pixels (4 per
 * point), each white square a code's background cut out and given to a QR decoder.
 */
function scanPage(stream: string): string[] {
  const scale = 4;
  const squares: { x: number; y: number; side: number; black: number[][] }[] = [];
  let colour = '0 0 0';
  let pending: number[][] = [];
  for (const line of stream.split('\n')) {
    const scn = /^([\d.]+ [\d.]+ [\d.]+) scn$/.exec(line);
    if (scn) colour = scn[1]!;
    const re = /^([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re$/.exec(line);
    if (re) pending.push(re.slice(1).map(Number));
    if (line === 'f') {
      if (colour === '1 1 1' && pending.length === 1) {
        const [x, y, side] = pending[0]!;
        squares.push({ x: x!, y: y!, side: side!, black: [] });
      } else if (colour === '0 0 0' && squares.length > 0) squares.at(-1)!.black.push(...pending);
      pending = [];
    }
    if (line === 'S' || line === 'n') pending = [];
  }
  return squares.map((sq) => {
    const w = Math.ceil(sq.side * scale);
    const pixels = new Uint8ClampedArray(w * w * 4).fill(255);
    for (const [x, y, rw, rh] of sq.black)
      for (
        let py = Math.round((y! - sq.y) * scale);
        py < Math.round((y! + rh! - sq.y) * scale);
        py++
      )
        for (
          let px = Math.round((x! - sq.x) * scale);
          px < Math.round((x! + rw! - sq.x) * scale);
          px++
        ) {
          const at = (py * w + px) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
    return jsQR(pixels, w, w)?.data ?? '(unreadable)';
  });
}

describe('check-in slips', () => {
  it('prints eight slips to a page, each with a code a scanner reads back', async () => {
    const slips = Array.from({ length: 11 }, (_, i) => slip(i + 1));
    const pdf = await checkinSlipsPdf({
      operation: 'Demo operation',
      movement,
      slips,
      generatedAt: '2031-06-29T08:00:00Z',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = contentStreams(pdf);
    expect(pages).toHaveLength(2);
    const read = pages.flatMap(scanPage);
    expect(read).toEqual(slips.map((s) => s.code));
  });

  it('prints a name in the script it was registered in, shaped, reading back as written', async () => {
    const pdf = await checkinSlipsPdf({
      operation: 'Demo operation',
      movement,
      slips: [
        { ...slip(1), name: 'أمل حداد' },
        { ...slip(2), name: 'Amal Haddad' },
      ],
      generatedAt: '2031-06-29T08:00:00Z',
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
      mergePages: true,
    });
    const read = text.replace(/\u200d/g, '');
    expect(read).toContain('أمل حداد');
    expect(read).toContain('Amal Haddad');
    expect(read).not.toContain('??');
    expect(contentStreams(pdf).flatMap(scanPage)).toEqual([slip(1).code, slip(2).code]);
  });

  it("prints each slip's words in its passenger's language, right to left where it is written so", async () => {
    const pdf = await checkinSlipsPdf({
      operation: 'Demo operation',
      movement,
      slips: [
        { ...slip(1), name: 'أمل حداد', language: 'ar' },
        { ...slip(2), name: 'Amal Haddad', language: 'fa' },
        { ...slip(4), name: 'Omid Karimi', language: 'en' },
      ],
      generatedAt: '2031-06-29T08:00:00Z',
    });
    const page = await getDocumentProxy(new Uint8Array(pdf));
    const { text } = await extractText(page, { mergePages: true });
    const read = text.replace(/\u200d/g, '');
    // Arabic: the header, the case of the head of household, the sentence the passenger acts on.
    expect(read).toContain('بطاقة تسجيل السفر');
    expect(read).toContain('رب الأسرة');
    expect(read).toContain('مكتب التسجيل');
    // Farsi, and the ids and codes unchanged inside the right-to-left lines.
    expect(read).toContain('برگه پذیرش سفر');
    expect(read).toContain('سند سفر خود');
    expect(read).toContain('P-00002');
    expect(read).toContain('C-0001');
    // English where the household's language is English, wrapped, not cut.
    expect(read).toContain('Bring this slip and your travel');
    expect(read).toContain('check-in desk.');
    // Every line fits its box: the zone of the departure is there whole in each language.
    expect(read.match(/Asia\/Baghdad/g)).toHaveLength(3);
    expect(read).not.toContain('??');
    expect(contentStreams(pdf).flatMap(scanPage)).toEqual([
      slip(1).code,
      slip(2).code,
      slip(4).code,
    ]);
    // The Arabic header is drawn from the right edge of its box: its glyphs end near the box's
    // right side (the QR code's left), not at the left margin.
    const content = await page.getPage(1).then((p) => p.getTextContent());
    const header = content.items.find((i) => 'str' in i && (i.str as string).includes('بطاقة')) as
      { transform: number[]; width: number } | undefined;
    expect(header).toBeDefined();
    const right = header!.transform[4]! + header!.width;
    expect(right).toBeGreaterThan(150);
  });

  it('says so when nobody is booked', async () => {
    const pdf = await checkinSlipsPdf({ operation: 'Op', movement, slips: [], generatedAt: '' });
    expect(pdf.toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(contentStreams(pdf)).toHaveLength(0);
  });
});

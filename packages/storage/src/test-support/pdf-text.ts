/** Reads back what a pdfkit PDF says: its page count and the text of its content streams (tests). */
import { inflateSync } from 'node:zlib';

/** Page count (from the page tree) and the text shown, one string per text-showing operator. */
export function pdfContent(pdf: Buffer): { pages: number; texts: string[] } {
  const raw = pdf.toString('latin1');
  const pages = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(raw)?.[1] ?? 0);
  const texts: string[] = [];
  // Each stream is read by its dictionary's /Length: the compressed bytes may end in a CR (about one
  // PDF in 256, since a generation time is inside), which a pattern ending at `\r?\nendstream` ate.
  for (const m of raw.matchAll(/\/Length (\d+)(?:(?!stream)[\s\S])*?>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const data = raw.slice(start, start + Number(m[1]));
    let body: string;
    try {
      body = inflateSync(Buffer.from(data, 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream
    }
    // `[<48656c6c6f> 20 <2c>] TJ` and `<48656c6c6f> Tj`: join the hex pieces of each operator.
    for (const op of body.matchAll(
      /\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      const hex =
        op[1] !== undefined
          ? [...op[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('')
          : op[2]!;
      texts.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return { pages, texts };
}

/**
 * Check-in slips: one per passenger of a movement, eight to an A4 page, each with a QR code the
 * desk scans to open that passenger (the code names the movement and the record number only).
 */
import type { ManifestMovement } from '@corridor/core';
import { fill } from './manifest-labels.js';
import { openA4Pdf } from './pdf-document.js';
import {
  isRightToLeft,
  printable,
  scriptOf,
  wrapWords,
  writeLine,
  type PdfLanguage,
} from './pdf-fonts.js';
import { slipLabels } from './slip-labels.js';

/** The movement a slip is for, as the manifest describes it. */
export type SlipMovement = Pick<
  ManifestMovement,
  'id' | 'kind' | 'origin' | 'destinationId' | 'arrivalAirport' | 'departAt' | 'timezone'
>;

/** One passenger's slip. */
export interface CheckinSlip {
  personId: string;
  householdId: string;
  isHead: boolean;
  /** The name as the reader's role may see it ('' when hidden or erased). */
  name: string;
  /** What the QR code holds (`slipCode` of core). */
  code: string;
  /** The language the slip's words print in: the passenger's (default English). */
  language?: PdfLanguage;
}

/** What a sheet of slips is made from. */
export interface CheckinSlips {
  operation: string;
  movement: SlipMovement;
  slips: CheckinSlip[];
  generatedAt: string;
  /** The language of the page when nobody is booked: the reader's (default English). */
  language?: PdfLanguage;
}

/** A QR code's dark modules, row by row (error correction M: a creased or smudged slip still reads). */
export async function qrModules(text: string): Promise<{ size: number; dark: boolean[][] }> {
  // The encoder loads when slips are made, not with every command that opens the store.
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const dark = Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1),
  );
  return { size: modules.size, dark };
}

const margin = 36;
const columns = 2;
const rows = 4;
/** Modules of white around the code, as the QR standard asks. */
const quiet = 4;

/** Draws `text` as a QR code of side `side` points at (x, y), dark runs as single rectangles. */
async function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number) {
  const { size, dark } = await qrModules(text);
  const m = side / (size + 2 * quiet);
  doc.save().rect(x, y, side, side).fill('#ffffff');
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size;) {
      if (!dark[r]![c]) {
        c++;
        continue;
      }
      let end = c;
      while (end < size && dark[r]![end]) end++;
      doc.rect(x + (quiet + c) * m, y + (quiet + r) * m, (end - c) * m, m);
      c = end;
    }
  }
  doc.fill('#000000').restore();
}

/** Renders the slips as A4 pages and resolves with the PDF's bytes. */
export async function checkinSlipsPdf(s: CheckinSlips): Promise<Buffer> {
  const { doc, done } = await openA4Pdf({
    margin,
    title: `Check-in slips ${s.movement.id}`,
    subject: 'Check-in slips with QR codes',
  });
  const width = (doc.page.width - 2 * margin) / columns;
  const height = (doc.page.height - 2 * margin) / rows;
  const qr = Math.min(112, height - 40);
  const to = s.movement.arrivalAirport ?? s.movement.destinationId ?? '–';
  for (const [i, slip] of s.slips.entries()) {
    const place = i % (columns * rows);
    if (i > 0 && place === 0) doc.addPage();
    const x = margin + (place % columns) * width;
    const y = margin + Math.floor(place / columns) * height;
    // Cut lines.
    doc
      .save()
      .dash(3, { space: 3 })
      .lineWidth(0.5)
      .strokeColor('#888888')
      .rect(x, y, width, height)
      .stroke()
      .restore();
    const pad = 10;
    const textWidth = width - qr - 3 * pad;
    const language = slip.language ?? 'en';
    const L = slipLabels[language];
    const rtl = isRightToLeft(language);
    const write = (text: string, top: number, weight: 'regular' | 'bold' = 'regular') =>
      writeLine(doc, printable(text), x + pad, top, { width: textWidth, rtl, weight });
    doc.fillColor('#000000').fontSize(8);
    let headerY = y + pad;
    const header = printable(fill(L.header, { operation: s.operation }));
    for (const line of wrapWords(doc, header, textWidth, 'bold').slice(0, 2)) {
      write(line, headerY, 'bold');
      headerY += 10;
    }
    // The name in the script it was registered in (Arabic-script names shaped, right to left).
    const name = slip.name || slip.personId;
    const nameY = headerY + 6;
    doc.fontSize(11);
    writeLine(doc, printable(name), x + pad, nameY, {
      width: textWidth,
      rtl: scriptOf(name) === 'arabic',
      weight: 'bold',
    });
    doc.fontSize(8);
    const lines = [
      fill(L.person, { id: slip.personId }),
      fill(slip.isHead ? L.caseHead : L.case, { id: slip.householdId }),
      fill(L.route, { id: s.movement.id, from: s.movement.origin, to }),
      fill(L.departs, {
        at: s.movement.departAt.slice(0, 16).replace('T', ' '),
        timezone: s.movement.timezone,
      }),
    ];
    let lineY = nameY + 20;
    for (const line of lines.flatMap((l) => wrapWords(doc, printable(l), textWidth))) {
      write(line, lineY);
      lineY += 11;
    }
    doc.fontSize(7).fillColor('#333333');
    lineY += 4;
    for (const line of wrapWords(doc, printable(L.bring), textWidth)) {
      write(line, lineY);
      lineY += 9;
    }
    const qx = x + width - pad - qr;
    const qy = y + pad;
    await drawQr(doc, slip.code, qx, qy, qr);
    doc
      .fillColor('#000000')
      .font('Courier')
      .fontSize(6)
      .text(slip.code, qx - pad, qy + qr + 2, { width: qr + 2 * pad, align: 'center' });
  }
  if (s.slips.length === 0) {
    const language = s.language ?? 'en';
    doc.fontSize(11);
    writeLine(doc, fill(slipLabels[language].nobody, { id: s.movement.id }), margin, margin, {
      width: doc.page.width - 2 * margin,
      rtl: isRightToLeft(language),
    });
  }
  doc.end();
  return done;
}

/**
 * Check-in slips: one per passenger of a movement, eight to an A4 page, each with a QR code the
 * desk scans to open that passenger (the code names the movement and the record number only).
 */
import type { ManifestMovement } from '@corridor/core';
import { pdfText } from './manifest-pdf.js';
import { openA4Pdf } from './pdf-document.js';
import { scriptOf, writeLine } from './pdf-fonts.js';

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
}

/** What a sheet of slips is made from. */
export interface CheckinSlips {
  operation: string;
  movement: SlipMovement;
  slips: CheckinSlip[];
  generatedAt: string;
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

/** The departure as the slip prints it: local date and time and the zone. */
function departure(m: SlipMovement): string {
  return `${m.departAt.slice(0, 16).replace('T', ' ')} (${m.timezone})`;
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
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(8);
    doc.text(pdfText(`CHECK-IN SLIP · ${s.operation}`), x + pad, y + pad, {
      width: textWidth,
      lineBreak: false,
      ellipsis: true,
    });
    // The name in the script it was registered in (Arabic-script names shaped, right to left).
    const name = slip.name || slip.personId;
    const nameY = doc.y + 6;
    doc.fontSize(11);
    writeLine(doc, name, x + pad, nameY, {
      width: textWidth,
      rtl: scriptOf(name) === 'arabic',
      weight: 'bold',
    });
    doc.x = x + pad;
    doc.y = nameY + 18;
    doc.font('Helvetica').fontSize(8);
    const lines = [
      `Person ${slip.personId}`,
      `Case ${slip.householdId}${slip.isHead ? ' (head)' : ''}`,
      `${s.movement.kind} ${s.movement.id} from ${s.movement.origin} to ${to}`,
      `Departs ${departure(s.movement)}`,
    ];
    for (const line of lines) doc.text(pdfText(line), { width: textWidth });
    doc
      .moveDown(0.5)
      .fontSize(7)
      .fillColor('#333333')
      .text('Bring this slip and your travel document to the check-in desk.', {
        width: textWidth,
      });
    const qx = x + width - pad - qr;
    const qy = y + pad;
    await drawQr(doc, slip.code, qx, qy, qr);
    doc
      .fillColor('#000000')
      .font('Courier')
      .fontSize(6)
      .text(slip.code, qx - pad, qy + qr + 2, { width: qr + 2 * pad, align: 'center' });
  }
  if (s.slips.length === 0)
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(`Nobody is booked on ${s.movement.id}.`, margin, margin);
  doc.end();
  return done;
}

/**
 * The printable manifest of a movement: A4 portrait, households grouped, totals, signatures; its
 * labels in a chosen language (mirrored right to left for Arabic script), names in the script they
 * were registered in.
 */
import type { Manifest, ManifestEntry } from '@corridor/core';
import { fill, manifestLabels } from './manifest-labels.js';
import { openA4Pdf } from './pdf-document.js';
import {
  isRightToLeft,
  pdfText,
  printable,
  startEdge,
  writeLine,
  type PdfLanguage,
} from './pdf-fonts.js';

const margin = 40;
const rowHeight = 13;
const footerSpace = 36;

// Kept here too: callers import it from the manifest since before the fonts module.
export { pdfText };

const columns: { width: number; cell: (e: ManifestEntry) => string }[] = [
  { width: 20, cell: (e) => String(e.line) },
  { width: 46, cell: (e) => e.personId },
  { width: 70, cell: (e) => e.familyName },
  { width: 70, cell: (e) => e.givenNames },
  { width: 20, cell: (e) => e.sex },
  { width: 50, cell: (e) => e.birthDate },
  { width: 26, cell: (e) => e.nationality },
  { width: 66, cell: (e) => e.document?.number ?? '—' },
  { width: 48, cell: (e) => e.document?.expiry ?? '' },
  { width: 32, cell: (e) => e.needs.join(' ') },
  { width: 45, cell: (e) => e.status },
  { width: 22, cell: () => '' },
];

/** How the manifest is printed. */
export interface ManifestPdfOptions {
  /** The language of the labels (default English); names always print in their own script. */
  language?: PdfLanguage;
}

/** Renders the manifest as a PDF and resolves with its bytes. */
export async function manifestPdf(m: Manifest, options: ManifestPdfOptions = {}): Promise<Buffer> {
  const language = options.language ?? 'en';
  const L = manifestLabels[language];
  const rtl = isRightToLeft(language);
  const { doc, done } = await openA4Pdf({
    margin,
    bufferPages: true,
    title: `Manifest ${m.movement.id}`,
    subject: `Passenger manifest of movement ${m.movement.id}`,
  });
  const width = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin - footerSpace;
  const t = (s: string) => printable(s);
  /** The x of a box `w` wide that starts `offset` from the start edge (the right one in RTL). */
  const at = startEdge(margin, width, rtl);
  const line = (
    text: string,
    offset: number,
    y: number,
    w: number,
    more: { weight?: 'regular' | 'bold'; align?: 'start' | 'end' | 'center' } = {},
  ) => writeLine(doc, t(text), at(offset, w), y, { width: w, rtl, ...more });
  const newPage = () => {
    doc.addPage();
    return margin;
  };

  // Title block.
  doc.fontSize(16);
  line(L.title, 0, margin, width, { weight: 'bold' });
  doc.fontSize(12);
  line(fill(L.movement, { id: m.movement.id }), 0, margin + 2, width, {
    weight: 'bold',
    align: 'end',
  });
  doc.fontSize(9);
  const m0 = m.movement;
  const facts: [string, string][] = [
    [L.operation, m.operation.name],
    [
      L.route,
      `${m0.origin} -> ${m0.arrivalAirport ?? '?'}${m0.destinationId ? ` ${fill(L.routeDestination, { id: m0.destinationId })}` : ''}`,
    ],
    [
      L.departure,
      fill(L.departureValue, {
        at: m0.departAt.slice(0, 16).replace('T', ' '),
        timezone: m0.timezone,
      }),
    ],
    [L.kindStatus, `${m0.kind} / ${m0.status}`],
    ...(m0.carrier
      ? [[L.carrier, `${m0.carrier} ${m0.flightNumber ?? ''}`.trim()] as [string, string]]
      : []),
    ...(m0.arriveAt
      ? [
          [L.arrival, fill(L.arrivalValue, { at: m0.arriveAt.slice(0, 16).replace('T', ' ') })] as [
            string,
            string,
          ],
        ]
      : []),
    [L.arrivalDay, fill(L.arrivalDayValue, { day: m.arrivalDay })],
    [L.printed, fill(L.printedValue, { at: m.generatedAt.slice(0, 16).replace('T', ' ') })],
  ];
  let y = margin + 26;
  for (const [k, v] of facts) {
    line(k, 0, y, 90, { weight: 'bold' });
    line(v, 90, y, width - 90);
    y += 12;
  }

  // Totals.
  y += 6;
  const s = m.totals;
  const boxes: [string, string][] = [
    [L.seats, String(s.seats)],
    [L.persons, String(s.persons)],
    [L.households, String(s.households)],
    [L.seatsFree, String(s.seatsFree)],
    [
      L.baggage,
      fill(L.baggageValue, { kg: s.baggageAllowanceKg, perPerson: s.baggagePerPersonKg }),
    ],
    [L.checkedIn, String(s.checkedIn)],
    [L.boarded, String(s.boarded)],
    [L.noShow, String(s.noShow)],
    [L.arrived, String(s.arrived)],
    [L.conflicts, String(s.conflicts)],
  ];
  const boxWidth = width / 5;
  boxes.forEach(([label, value], k) => {
    const offset = (k % 5) * boxWidth;
    const by = y + Math.floor(k / 5) * 30;
    doc
      .rect(at(offset, boxWidth - 4), by, boxWidth - 4, 26)
      .lineWidth(0.5)
      .stroke('#888888');
    doc.fillColor('#555555').fontSize(7);
    line(label, offset + 4, by + 3, boxWidth - 12);
    doc.fillColor('#000000').fontSize(10);
    line(value, offset + 4, by + 12, boxWidth - 12, { weight: 'bold' });
  });
  y += 64;

  // Warnings.
  if (m.warnings.length > 0) {
    doc.fontSize(9);
    line(fill(L.warnings, { count: m.warnings.length }), 0, y, width, { weight: 'bold' });
    y += 13;
    doc.fontSize(8);
    const shown = m.warnings.slice(0, 25);
    for (const w of shown) {
      if (y > bottom()) y = newPage();
      line(`• ${w.message}`, 0, y, width);
      y += 11;
    }
    if (m.warnings.length > shown.length) {
      line(fill(L.moreWarnings, { count: m.warnings.length - shown.length }), 0, y, width);
      y += 11;
    }
    y += 6;
  }

  // The table, households grouped.
  const header = () => {
    doc.rect(margin, y, width, rowHeight).fill('#222222');
    doc.fillColor('#ffffff').fontSize(7.5);
    let x = 0;
    columns.forEach((c, k) => {
      line(L.columns[k]!, x + 2, y + 3, c.width - 4, { weight: 'bold' });
      x += c.width;
    });
    doc.fillColor('#000000');
    y += rowHeight;
  };
  const room = (rows: number) => {
    if (y + rows * rowHeight > bottom()) {
      y = newPage();
      header();
    }
  };
  header();
  for (const h of m.households) {
    room(2);
    doc.rect(margin, y, width, rowHeight).fill('#e6e6e6');
    doc.fillColor('#000000').fontSize(7.5);
    const count = h.entries.length;
    const linked =
      h.linkedCases.length > 0 ? fill(L.linked, { ids: h.linkedCases.join(', ') }) : '';
    line(
      fill(count === 1 ? L.caseOne : L.caseMany, { id: h.id, count, status: h.status }) + linked,
      2,
      y + 3,
      width - 4,
      { weight: 'bold' },
    );
    y += rowHeight;
    for (const e of h.entries) {
      room(1);
      let x = 0;
      doc.fontSize(7.5);
      for (const c of columns) {
        line(c.cell(e), x + 2, y + 3, c.width - 4, { weight: e.isHead ? 'bold' : 'regular' });
        x += c.width;
      }
      doc
        .moveTo(margin, y + rowHeight)
        .lineTo(margin + width, y + rowHeight)
        .lineWidth(0.25)
        .stroke('#bbbbbb');
      y += rowHeight;
    }
  }

  // Signatures.
  const blockHeight = 92;
  if (y + blockHeight + 20 > bottom()) y = newPage();
  y += 18;
  doc.fontSize(9);
  line(L.signatures, 0, y, width, { weight: 'bold' });
  y += 14;
  const sw = width / 3;
  L.roles.forEach((r, k) => {
    const offset = k * sw;
    doc
      .rect(at(offset, sw - 8), y, sw - 8, blockHeight - 20)
      .lineWidth(0.5)
      .stroke('#888888');
    doc.fontSize(8);
    line(r, offset + 6, y + 5, sw - 20, { weight: 'bold' });
    doc.fontSize(7.5);
    for (const [j, label] of L.signatureLines.entries()) {
      const ly = y + 26 + j * 15;
      line(label, offset + 6, ly - 7, 56);
      const from = at(offset + 62, sw - 78);
      doc
        .moveTo(from, ly)
        .lineTo(from + sw - 78, ly)
        .lineWidth(0.5)
        .stroke('#444444');
    }
  });

  // Footers on every page.
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    // Below the bottom margin: without this, pdfkit would start a new page for the footer.
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor('#555555');
    line(
      fill(L.footer, { id: m.movement.id, page: p + 1, pages: range.count }),
      0,
      doc.page.height - margin - 10,
      width,
      { align: 'center' },
    );
    doc.fillColor('#000000');
  }
  doc.end();
  return done;
}

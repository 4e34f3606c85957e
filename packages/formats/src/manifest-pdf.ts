/** The printable manifest of a movement: A4 portrait, households grouped, totals, signatures. */
import type { Manifest, ManifestEntry } from '@corridor/core';
import { openA4Pdf } from './pdf-document.js';

const margin = 40;
const rowHeight = 13;
const footerSpace = 36;

/** Text in the PDF core fonts' character set (WinAnsi): accents folded, others shown as `?`. */
export function pdfText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, '?');
}

const columns: { title: string; width: number; cell: (e: ManifestEntry) => string }[] = [
  { title: '#', width: 20, cell: (e) => String(e.line) },
  { title: 'Person', width: 46, cell: (e) => e.personId },
  { title: 'Family name', width: 70, cell: (e) => e.familyName },
  { title: 'Given names', width: 70, cell: (e) => e.givenNames },
  { title: 'Sex', width: 20, cell: (e) => e.sex },
  { title: 'Born', width: 50, cell: (e) => e.birthDate },
  { title: 'Nat.', width: 26, cell: (e) => e.nationality },
  { title: 'Document', width: 66, cell: (e) => e.document?.number ?? '—' },
  { title: 'Expiry', width: 48, cell: (e) => e.document?.expiry ?? '' },
  { title: 'Needs', width: 32, cell: (e) => e.needs.join(' ') },
  { title: 'Status', width: 45, cell: (e) => e.status },
  { title: 'Seat', width: 22, cell: () => '' },
];

/** Renders the manifest as a PDF and resolves with its bytes. */
export async function manifestPdf(m: Manifest): Promise<Buffer> {
  const { doc, done } = await openA4Pdf({
    margin,
    bufferPages: true,
    title: `Manifest ${m.movement.id}`,
    subject: `Passenger manifest of movement ${m.movement.id}`,
  });
  const width = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin - footerSpace;
  const t = (s: string) => pdfText(s);
  const newPage = () => {
    doc.addPage();
    return margin;
  };

  // Title block.
  doc.font('Helvetica-Bold').fontSize(16).text('Passenger manifest', margin, margin);
  doc
    .fontSize(12)
    .text(`Movement ${t(m.movement.id)}`, margin, margin + 2, { width, align: 'right' });
  doc.moveDown(0.6).font('Helvetica').fontSize(9);
  const m0 = m.movement;
  const facts: [string, string][] = [
    ['Operation', m.operation.name],
    [
      'Route',
      `${m0.origin} -> ${m0.arrivalAirport ?? '?'}${m0.destinationId ? ` (destination ${m0.destinationId})` : ''}`,
    ],
    ['Departure', `${m0.departAt.slice(0, 16).replace('T', ' ')} local (${m0.timezone})`],
    ['Kind / status', `${m0.kind} / ${m0.status}`],
    ...(m0.carrier
      ? [['Carrier / flight', `${m0.carrier} ${m0.flightNumber ?? ''}`.trim()] as [string, string]]
      : []),
    ...(m0.arriveAt
      ? [['Arrival', `${m0.arriveAt.slice(0, 16).replace('T', ' ')} local`] as [string, string]]
      : []),
    ['Arrival day', `${m.arrivalDay} (documents must be valid until then)`],
    ['Printed', m.generatedAt.slice(0, 16).replace('T', ' ') + ' UTC'],
  ];
  let y = doc.y;
  for (const [k, v] of facts) {
    doc.font('Helvetica-Bold').text(k, margin, y, { width: 90 });
    doc.font('Helvetica').text(t(v), margin + 90, y, { width: width - 90 });
    y += 12;
  }

  // Totals.
  y += 6;
  const s = m.totals;
  const boxes: [string, string][] = [
    ['Seats', String(s.seats)],
    ['Persons booked', String(s.persons)],
    ['Households', String(s.households)],
    ['Seats free', String(s.seatsFree)],
    ['Baggage kg', `${s.baggageAllowanceKg} (${s.baggagePerPersonKg}/person)`],
    ['Checked in', String(s.checkedIn)],
    ['Boarded', String(s.boarded)],
    ['No-show', String(s.noShow)],
    ['Arrived', String(s.arrived)],
    ['Conflicts', String(s.conflicts)],
  ];
  const boxWidth = width / 5;
  boxes.forEach(([label, value], k) => {
    const bx = margin + (k % 5) * boxWidth;
    const by = y + Math.floor(k / 5) * 30;
    doc
      .rect(bx, by, boxWidth - 4, 26)
      .lineWidth(0.5)
      .stroke('#888888');
    doc
      .fillColor('#555555')
      .fontSize(7)
      .text(label, bx + 4, by + 3, { width: boxWidth - 12 });
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(10);
    doc.text(value, bx + 4, by + 12, { width: boxWidth - 12 });
    doc.font('Helvetica');
  });
  y += 64;

  // Warnings.
  if (m.warnings.length > 0) {
    doc.font('Helvetica-Bold').fontSize(9).text(`Warnings (${m.warnings.length})`, margin, y);
    y = doc.y + 2;
    doc.font('Helvetica').fontSize(8);
    const shown = m.warnings.slice(0, 25);
    for (const w of shown) {
      if (y > bottom()) y = newPage();
      doc.text(`• ${t(w.message)}`, margin, y, { width });
      y = doc.y + 1;
    }
    if (m.warnings.length > shown.length) {
      doc.text(
        `… and ${m.warnings.length - shown.length} more (see the CSV or XLSX manifest)`,
        margin,
        y,
      );
      y = doc.y + 1;
    }
    y += 6;
  }

  // The table, households grouped.
  const header = () => {
    doc.rect(margin, y, width, rowHeight).fill('#222222');
    doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(7.5);
    let x = margin;
    for (const c of columns) {
      doc.text(c.title, x + 2, y + 3, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.fillColor('#000000').font('Helvetica');
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
    doc.fillColor('#000000').font('Helvetica-Bold').fontSize(7.5);
    const linked = h.linkedCases.length > 0 ? ` — linked: ${h.linkedCases.join(', ')}` : '';
    doc.text(
      t(
        `Case ${h.id} — ${h.entries.length} person${h.entries.length === 1 ? '' : 's'} — ${h.status}${linked}`,
      ),
      margin + 2,
      y + 3,
      { width: width - 4, lineBreak: false },
    );
    doc.font('Helvetica');
    y += rowHeight;
    for (const e of h.entries) {
      room(1);
      let x = margin;
      doc.fontSize(7.5).font(e.isHead ? 'Helvetica-Bold' : 'Helvetica');
      for (const c of columns) {
        doc.text(t(c.cell(e)), x + 2, y + 3, {
          width: c.width - 4,
          lineBreak: false,
          ellipsis: true,
        });
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
  doc.font('Helvetica-Bold').fontSize(9).text('Signatures', margin, y);
  y += 14;
  const roles = ['Movement officer', 'Carrier / convoy commander', 'Receiving officer'];
  const sw = width / 3;
  roles.forEach((r, k) => {
    const x = margin + k * sw;
    doc
      .rect(x, y, sw - 8, blockHeight - 20)
      .lineWidth(0.5)
      .stroke('#888888');
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .text(r, x + 6, y + 5, { width: sw - 20 });
    doc.font('Helvetica').fontSize(7.5);
    for (const [j, label] of ['Name', 'Signature', 'Date and time'].entries()) {
      const ly = y + 26 + j * 15;
      doc.text(label, x + 6, ly - 7, { width: 60 });
      doc
        .moveTo(x + 62, ly)
        .lineTo(x + sw - 16, ly)
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
    doc.font('Helvetica').fontSize(7).fillColor('#555555');
    doc.text(
      pdfText(
        `Corridor — movement ${m.movement.id} — page ${p + 1} of ${range.count} — CONFIDENTIAL: personal data; keep and destroy under the operation's data-protection rules`,
      ),
      margin,
      doc.page.height - margin - 10,
      { width, align: 'center', lineBreak: false },
    );
    doc.fillColor('#000000');
  }
  doc.end();
  return done;
}

/** One person's custody record as a PDF for a claim: belongings, every event, the hashes that chain them. */
import type { BelongingView, CustodyEvent } from '@corridor/core';
import { pdfText } from './manifest-pdf.js';
import { openA4Pdf } from './pdf-document.js';

/** What the record shows; names and details are already redacted for the reader's role. */
export interface CustodyRecord {
  operation: string;
  person: { id: string; householdId: string; name: string };
  items: BelongingView[];
  /** Whether every custody chain of the database verified when the record was made. */
  chainVerified: boolean;
  generatedAt: string;
  generatedBy: string;
}

const margin = 40;

function eventLine(e: CustodyEvent): string {
  const d = e.detail;
  if (!d) return '(details not shown: hidden for this role or erased)';
  const parts = [
    d.to && `to: ${d.to}`,
    d.by && `by: ${d.by}`,
    d.witness && `witness: ${d.witness}`,
    d.place && `place: ${d.place}`,
    d.receipt && `receipt: ${d.receipt}`,
    d.note && `note: ${d.note}`,
  ].filter(Boolean);
  return parts.join('; ') || '—';
}

/** Renders the record as an A4 PDF and resolves with its bytes. */
export async function custodyRecordPdf(r: CustodyRecord): Promise<Buffer> {
  const { doc, done } = await openA4Pdf({
    margin,
    title: `Custody record ${r.person.id}`,
    subject: 'Chain of custody of belongings',
  });
  const width = doc.page.width - 2 * margin;
  const t = pdfText;
  const room = (h: number) => {
    if (doc.y + h > doc.page.height - margin - 20) doc.addPage();
  };
  doc.font('Helvetica-Bold').fontSize(16).text('Custody record of belongings', margin, margin);
  doc.moveDown(0.5).font('Helvetica').fontSize(9);
  const facts: [string, string][] = [
    ['Operation', r.operation],
    ['Person', `${r.person.id} — ${r.person.name}`],
    ['Case', r.person.householdId],
    ['Items', String(r.items.length)],
    [
      'Chain check',
      r.chainVerified ? 'every custody chain verified' : 'FAILED: run `corridor custody verify`',
    ],
    ['Made', `${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC by ${r.generatedBy}`],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(k, margin, y, { width: 90 });
    doc.font('Helvetica').text(t(v), margin + 90, y, { width: width - 90 });
  }
  for (const item of r.items) {
    room(60);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11);
    doc.text(t(`${item.id} — ${item.category} — ${item.status}`), margin, doc.y, { width });
    doc.font('Helvetica').fontSize(8.5);
    doc.text(t(item.description ?? '(description not shown)'), { width });
    for (const e of item.events) {
      room(34);
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(8.5);
      doc.text(
        t(
          `#${e.seq} ${e.kind} — ${e.at.slice(0, 16).replace('T', ' ')} UTC — recorded by ${e.actor}`,
        ),
        margin + 10,
        doc.y,
        { width: width - 10 },
      );
      doc.font('Helvetica').text(t(eventLine(e)), { width: width - 10 });
      doc
        .fillColor('#555555')
        .fontSize(6.5)
        .text(`hash ${e.hash}  previous ${e.prevHash}`, { width: width - 10 });
      doc.fillColor('#000000');
    }
  }
  room(80);
  doc.moveDown(1.5).font('Helvetica').fontSize(8);
  doc.text(
    'Each event holds the SHA-256 hash of the event before it (the first, the hash of the item), and each batch is anchored in the hash-chained audit log, so an edited or removed event is detected by `corridor custody verify`.',
    margin,
    doc.y,
    { width },
  );
  doc
    .moveDown(2)
    .text(
      'Signature of the claimant: ______________________     Signature of the officer: ______________________',
      { width },
    );
  doc.end();
  return done;
}

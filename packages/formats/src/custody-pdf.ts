/** One person's custody record as a PDF for a claim: belongings, every event, the hashes that chain them. */
import type { BelongingView, CustodyEvent } from '@corridor/core';
import { custodyLabels, type CustodyLabels } from './custody-labels.js';
import { fill } from './manifest-labels.js';
import { openA4Pdf } from './pdf-document.js';
import {
  isRightToLeft,
  printable,
  startEdge,
  wrapWords,
  writeLine,
  type PdfLanguage,
} from './pdf-fonts.js';

/** What the record shows; names and details are already redacted for the reader's role. */
export interface CustodyRecord {
  operation: string;
  /**
   * The person; `name` as registered, or `hidden` (the reader's role may not see it) or `erased`
   * (the person's data is gone), which the record says in the reader's language.
   */
  person: { id: string; householdId: string; name: string | { hidden: true } | { erased: true } };
  items: BelongingView[];
  /** Whether every custody chain of the database verified when the record was made. */
  chainVerified: boolean;
  generatedAt: string;
  generatedBy: string;
  /** The language of the record's words: the reader's (default English). */
  language?: PdfLanguage;
}

const margin = 40;

function eventDetail(e: CustodyEvent, L: CustodyLabels): string {
  const d = e.detail;
  if (!d) return L.detailsHidden;
  const parts = [
    d.to && `${L.to}: ${d.to}`,
    d.by && `${L.by}: ${d.by}`,
    d.witness && `${L.witness}: ${d.witness}`,
    d.place && `${L.place}: ${d.place}`,
    d.receipt && `${L.receipt}: ${d.receipt}`,
    d.note && `${L.note}: ${d.note}`,
  ].filter(Boolean);
  return parts.join('; ') || '—';
}

/** Renders the record as an A4 PDF and resolves with its bytes. */
export async function custodyRecordPdf(r: CustodyRecord): Promise<Buffer> {
  const language = r.language ?? 'en';
  const L = custodyLabels[language];
  const rtl = isRightToLeft(language);
  const { doc, done } = await openA4Pdf({
    margin,
    title: `Custody record ${r.person.id}`,
    subject: 'Chain of custody of belongings',
  });
  const width = doc.page.width - 2 * margin;
  /** The x of a box `w` wide that starts `offset` from the start edge (the right one in RTL). */
  const at = startEdge(margin, width, rtl);
  const room = (h: number) => {
    if (doc.y + h > doc.page.height - margin - 20) {
      doc.addPage();
      doc.y = margin;
    }
  };
  /**
   * Writes `text` wrapped to a box `w` wide at `offset` from the start edge, from the current
   * line down; each line in the font its script needs, names and notes in their own script.
   */
  const paragraph = (
    text: string,
    offset: number,
    w: number,
    leading: number,
    weight: 'regular' | 'bold' = 'regular',
  ) => {
    for (const line of wrapWords(doc, printable(text), w, weight)) {
      room(leading);
      const y = doc.y;
      writeLine(doc, line, at(offset, w), y, { width: w, rtl, weight });
      doc.y = y + leading;
    }
  };
  const name =
    typeof r.person.name === 'string'
      ? r.person.name
      : 'hidden' in r.person.name
        ? L.nameHidden
        : L.nameErased;

  doc.y = margin;
  doc.fontSize(16);
  paragraph(L.title, 0, width, 22, 'bold');
  doc.y += 4;
  doc.fontSize(9);
  const facts: [string, string][] = [
    [L.operation, r.operation],
    [L.person, `${r.person.id} — ${name}`],
    [L.case, r.person.householdId],
    [L.items, String(r.items.length)],
    [L.chain, r.chainVerified ? L.chainOk : L.chainFailed],
    [
      L.made,
      fill(L.madeValue, {
        at: r.generatedAt.slice(0, 16).replace('T', ' '),
        by: r.generatedBy,
      }),
    ],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    writeLine(doc, printable(k), at(0, 90), y, { width: 90, rtl, weight: 'bold' });
    doc.y = y;
    paragraph(v, 90, width - 90, 12);
    doc.y = Math.max(doc.y, y + 12);
  }
  for (const item of r.items) {
    room(60);
    doc.y += 10;
    doc.fontSize(11);
    paragraph(`${item.id} — ${item.category} — ${item.status}`, 0, width, 15, 'bold');
    doc.fontSize(8.5);
    paragraph(item.description ?? L.noDescription, 0, width, 11);
    for (const e of item.events) {
      room(34);
      doc.y += 4;
      doc.fontSize(8.5);
      paragraph(
        fill(L.event, {
          seq: e.seq,
          kind: e.kind,
          at: e.at.slice(0, 16).replace('T', ' '),
          actor: e.actor,
        }),
        10,
        width - 10,
        11,
        'bold',
      );
      paragraph(eventDetail(e, L), 10, width - 10, 11);
      doc.fillColor('#555555').fontSize(6.5);
      paragraph(`hash ${e.hash}  previous ${e.prevHash}`, 10, width - 10, 9);
      doc.fillColor('#000000');
    }
  }
  room(80);
  doc.y += 18;
  doc.fontSize(8);
  paragraph(L.explanation, 0, width, 11);
  doc.y += 24;
  const half = (width - 20) / 2;
  for (const [i, label] of L.signatures.entries()) {
    const y = doc.y;
    writeLine(doc, printable(`${label}: ____________________`), at(i * (half + 20), half), y, {
      width: half,
      rtl,
    });
    doc.y = y;
  }
  doc.end();
  return done;
}

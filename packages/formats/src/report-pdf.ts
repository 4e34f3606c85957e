/** The situation report as an A4 PDF (M10): status, destinations, timetable ahead, exposure, incidents. */
import { formatMoney, type SituationReport } from '@corridor/core';
import { fill } from './manifest-labels.js';
import { barChart, timeChart } from './pdf-charts.js';
import { openA4Pdf } from './pdf-document.js';
import {
  isRightToLeft,
  pdfText,
  printable,
  startEdge,
  wrapWords,
  writeLine,
  type PdfLanguage,
} from './pdf-fonts.js';
import { reportLabels } from './report-labels.js';

const margin = 40;
const blue = '#0b5cad';
const dark = '#14283d';
const red = '#a4161a';
const grey = '#9aa5b1';

/** The headings the report always has, in order, in English (tests look for them). */
export const reportHeadings = reportLabels.en.headings;

const n = (v: number) => v.toLocaleString('en');
const money = (minor: number, currency: string) => formatMoney(minor, currency);

/** How the report is printed. */
export interface SituationPdfOptions {
  /** The language of the report's words: the reader's (default English). */
  language?: PdfLanguage;
}

/** Renders the report and resolves with the PDF's bytes. */
export async function situationPdf(
  r: SituationReport,
  options: SituationPdfOptions = {},
): Promise<Buffer> {
  const language = options.language ?? 'en';
  const L = reportLabels[language];
  const rtl = isRightToLeft(language);
  const { doc, done } = await openA4Pdf({
    margin,
    bufferPages: true,
    title: pdfText(`Situation report: ${r.operation.name}`),
    subject: `Situation on ${r.today}`,
  });
  const width = doc.page.width - 2 * margin;
  const bottom = doc.page.height - margin - 20;
  let y = margin;
  const need = (h: number) => {
    if (y + h > bottom) {
      doc.addPage();
      y = margin;
    }
  };
  /** The x of a box `w` wide that starts `offset` from the start edge (the right one in RTL). */
  const at = startEdge(margin, width, rtl);
  /** One line in a box, in the layout's direction; each piece in the font its script needs. */
  const cell = (
    text: string,
    offset: number,
    top: number,
    w: number,
    weight: 'regular' | 'bold' = 'regular',
  ) => writeLine(doc, printable(text), at(offset, w), top, { width: w, rtl, weight });
  /** A paragraph across the page, wrapped at spaces. */
  const paragraph = (text: string, size: number, color: string, leading: number) => {
    doc.fontSize(size).fillColor(color);
    for (const part of wrapWords(doc, printable(text), width)) {
      need(leading);
      cell(part, 0, y, width);
      y += leading;
    }
  };
  const heading = (text: string) => {
    need(40);
    doc.fontSize(12).fillColor(dark);
    cell(text, 0, y, width, 'bold');
    y += 18;
  };
  const line = (text: string) => {
    paragraph(text, 9, '#222222', 12);
    y += 2;
  };
  const table = (heads: string[], widths: number[], rows: string[][]) => {
    const row = (cells: string[], bold: boolean) => {
      need(13);
      let offset = 0;
      doc.fontSize(8).fillColor('#222222');
      cells.forEach((c, i) => {
        cell(c, offset + 2, y + 2, widths[i]! - 4, bold ? 'bold' : 'regular');
        offset += widths[i]!;
      });
      y += 12;
      doc
        .save()
        .lineWidth(0.3)
        .strokeColor('#cccccc')
        .moveTo(margin, y)
        .lineTo(margin + width, y)
        .stroke()
        .restore();
    };
    row(heads, true);
    for (const r of rows) row(r, false);
    y += 6;
  };

  // Title.
  doc.fontSize(18).fillColor(dark);
  cell(L.title, 0, y, width, 'bold');
  y += 24;
  paragraph(
    fill(L.subtitle, {
      name: r.operation.name,
      today: r.today,
      start: r.operation.windowStart,
      end: r.operation.windowEnd,
    }),
    10,
    '#333333',
    13,
  );
  if (r.operation.isDemo) paragraph(L.demo, 10, red, 13);
  paragraph(L.restricted, 8, '#555555', 10);
  y += 8;

  heading(L.headings[0]);
  const values = [r.persons, r.households, r.moved, r.remaining, r.pledgedPersons];
  const boxWidth = width / values.length;
  values.forEach((value, i) => {
    doc
      .save()
      .rect(at(i * boxWidth, 3), y, 3, 34)
      .fill(blue)
      .restore();
    doc.fontSize(15).fillColor(dark);
    cell(n(value), i * boxWidth + 8, y + 2, boxWidth - 10, 'bold');
    doc.fontSize(8).fillColor('#444444');
    cell(L.figures[i]!, i * boxWidth + 8, y + 21, boxWidth - 10);
  });
  y += 44;

  heading(L.headings[1]);
  need(150);
  timeChart(
    doc,
    { x: margin, y, w: width, h: 140 },
    [
      {
        label: L.planned,
        color: blue,
        step: true,
        points: r.burndown.planned.map((p) => [p.day, p.atRisk] as const),
      },
      {
        label: L.actual,
        color: red,
        step: true,
        points: r.burndown.actual.map((p) => [p.day, p.atRisk] as const),
      },
    ],
    L.inCamp,
  );
  y += 150;

  heading(L.headings[2]);
  need(24 + 14 * r.byDestination.length);
  const barsHeight = 18 + 14 * r.byDestination.length;
  barChart(
    doc,
    { x: margin, y, w: width, h: barsHeight },
    r.byDestination.map((d) => ({ label: d.id, values: [d.pledged, d.allocated, d.departed] })),
    [
      { label: L.pledged, color: grey },
      { label: L.allocated, color: blue },
      { label: L.departed, color: dark },
    ],
  );
  y += barsHeight + 6;
  table(
    L.destinationTable,
    [175, 85, 85, 85, 85],
    r.byDestination.map((d) => [
      `${d.id} ${d.name}`,
      n(d.pledged),
      n(d.allocated),
      n(d.scheduled),
      n(d.departed),
    ]),
  );

  heading(L.headings[3]);
  if (r.ahead.length === 0) line(L.noAhead);
  else
    table(
      L.aheadTable,
      [70, 110, 65, 60, 60, 60, 90],
      r.ahead.map((m) => [
        m.id,
        m.departAt.slice(0, 16).replace('T', ' '),
        m.kind,
        m.destinationId ?? '–',
        n(m.persons),
        n(m.seats),
        m.seats > 0 ? `${Math.round((100 * m.persons) / m.seats)}%` : '–',
      ]),
    );

  if (r.expiringDocuments)
    line(
      fill(L.expiring, {
        days: r.expiringDocuments.withinDays,
        cases: n(r.expiringDocuments.cases),
        steps: Object.entries(r.expiringDocuments.byStep)
          .map(([step, k]) => `${step} ${n(k)}`)
          .join(', '),
      }),
    );

  heading(L.headings[4]);
  line(
    r.plannedExposure === null
      ? fill(L.exposureNone, { lived: n(Math.round(r.realisedExposure)) })
      : fill(L.exposure, {
          planned: n(Math.round(r.plannedExposure)),
          lived: n(Math.round(r.realisedExposure)),
        }),
  );
  need(130);
  timeChart(
    doc,
    { x: margin, y, w: width, h: 120 },
    [
      { label: L.meanRate, color: blue, points: r.hazard.map((h) => [h.day, h.mean] as const) },
      {
        label: L.upper90,
        color: red,
        dash: true,
        points: r.hazard.map((h) => [h.day, h.upper90] as const),
      },
    ],
    L.perDay,
  );
  y += 130;

  heading(L.headings[5]);
  const types = Object.entries(r.incidents.byType)
    .map(([t, c]) => `${t} ${c}`)
    .join(', ');
  line(
    fill(L.incidents, {
      total: r.incidents.total,
      types: types || L.none,
      injured: r.incidents.injured,
      killed: r.incidents.killed,
    }),
  );
  if (r.incidents.latest.length > 0)
    table(
      L.incidentTable,
      [60, 100, 110, 125, 60, 60],
      r.incidents.latest.map((i) => [
        i.id,
        i.at.slice(0, 16).replace('T', ' '),
        i.type,
        i.site,
        n(i.injured),
        n(i.killed),
      ]),
    );

  heading(L.headings[6]);
  if (r.property.length === 0) line(L.noProperty);
  else {
    table(
      L.propertyTable,
      [60, 50, 85, 80, 80, 80, 80],
      r.property.map((f) => [
        f.currency,
        n(f.assets),
        money(f.appraised, f.currency),
        money(f.offered, f.currency),
        money(f.permitted, f.currency),
        money(f.realised, f.currency),
        money(f.loss, f.currency),
      ]),
    );
    line(L.propertyBars);
    need(24 + 18 * r.property.length);
    const height = 16 + 18 * r.property.length;
    barChart(
      doc,
      { x: margin, y, w: width, h: height },
      r.property.map((f) => ({
        label: f.currency,
        // Each currency against its own appraised value: amounts in two currencies never share a scale.
        values: [f.appraised, f.offered, f.permitted, f.realised].map((v) =>
          f.appraised > 0 ? Math.round((100 * v) / f.appraised) : 0,
        ),
      })),
      [
        { label: L.propertyLegend[0], color: grey },
        { label: L.propertyLegend[1], color: blue },
        { label: L.propertyLegend[2], color: red },
        { label: L.propertyLegend[3], color: dark },
      ],
    );
    y += height + 6;
  }

  heading(L.headings[7]);
  const o = r.outcome;
  if (!o) line(L.noOutcome);
  else {
    const ratio =
      o.exposure.ratio === null ? '' : fill(L.ratio, { ratio: o.exposure.ratio.toFixed(2) });
    line(
      fill(L.outcome, {
        version: o.baselineVersion,
        today: r.today,
        realised: o.exposure.realised.toFixed(2),
        planned: o.exposure.planned.toFixed(2),
        ratio,
        left: n(o.departed.realised),
        due: n(o.departed.planned),
      }),
    );
    const causes = Object.entries(o.slips.byCause).filter(([, c]) => c.cases > 0);
    line(fill(L.slips, { cases: n(o.slips.cases), persons: n(o.slips.persons) }));
    if (causes.length > 0)
      table(
        L.causeTable,
        [160, 80, 80],
        causes.map(([cause, c]) => [cause, n(c.cases), n(c.persons)]),
      );
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor('#666666');
    // Below the content's bottom (page height − margin − 20), each line short enough not to wrap.
    const footer = (text: string, fromMargin: number) =>
      writeLine(doc, printable(text), margin, doc.page.height - margin + fromMargin, {
        width,
        rtl,
        align: 'center',
      });
    footer(fill(L.footer, { today: r.today, page: i + 1, pages: pages.count }), 8);
    if (r.auditHead && i === pages.count - 1) {
      footer(fill(L.auditHead, { head: r.auditHead }), -16);
      footer(L.keepPage, -7);
    }
  }
  doc.end();
  return done;
}

/** The situation report as an A4 PDF (M10): status, destinations, timetable ahead, exposure, incidents. */
import { formatMoney, type SituationReport } from '@corridor/core';
import { pdfText } from './manifest-pdf.js';
import { barChart, timeChart } from './pdf-charts.js';
import { openA4Pdf } from './pdf-document.js';

const margin = 40;
const blue = '#0b5cad';
const dark = '#14283d';
const red = '#a4161a';
const grey = '#9aa5b1';

/** The headings the report always has, in order (tests look for them). */
export const reportHeadings = [
  'Operation status',
  'People still at risk',
  'By destination',
  'Timetable ahead',
  'Hazard and exposure',
  'Incidents',
  'Property',
  'What happened against the plan',
] as const;

const n = (v: number) => v.toLocaleString('en');
const money = (minor: number, currency: string) => formatMoney(minor, currency);

/** Renders the report and resolves with the PDF's bytes. */
export async function situationPdf(r: SituationReport): Promise<Buffer> {
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
  const heading = (text: string) => {
    need(40);
    doc.font('Helvetica-Bold').fontSize(12).fillColor(dark).text(text, margin, y);
    y = doc.y + 4;
  };
  const line = (text: string) => {
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#222222')
      .text(pdfText(text), margin, y, { width });
    y = doc.y + 2;
  };
  const table = (heads: string[], widths: number[], rows: string[][]) => {
    const row = (cells: string[], bold: boolean) => {
      need(13);
      let x = margin;
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(8)
        .fillColor('#222222');
      cells.forEach((c, i) => {
        doc.text(pdfText(c), x + 2, y + 2, {
          width: widths[i]! - 4,
          lineBreak: false,
          ellipsis: true,
        });
        x += widths[i]!;
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
  doc.font('Helvetica-Bold').fontSize(18).fillColor(dark).text('Situation report', margin, y);
  y = doc.y + 2;
  doc.font('Helvetica').fontSize(10).fillColor('#333333');
  doc.text(
    pdfText(
      `${r.operation.name} · as of ${r.today} · window ${r.operation.windowStart} to ${r.operation.windowEnd}`,
    ),
    margin,
    y,
    { width },
  );
  y = doc.y + 2;
  if (r.operation.isDemo) {
    doc.fillColor(red).text('Synthetic demonstration data.', margin, y);
    y = doc.y + 2;
  }
  doc
    .fillColor('#555555')
    .fontSize(8)
    .text(
      'Restricted: operational data about people at risk. Share only with those who need it.',
      margin,
      y,
      { width },
    );
  y = doc.y + 10;

  heading(reportHeadings[0]);
  const figures: [string, number][] = [
    ['registered', r.persons],
    ['households', r.households],
    ['moved out', r.moved],
    ['still in the camp', r.remaining],
    ['places pledged', r.pledgedPersons],
  ];
  const boxWidth = width / figures.length;
  figures.forEach(([label, value], i) => {
    const x = margin + i * boxWidth;
    doc.save().rect(x, y, 3, 34).fill(blue).restore();
    doc
      .font('Helvetica-Bold')
      .fontSize(15)
      .fillColor(dark)
      .text(n(value), x + 8, y + 2, { width: boxWidth - 10 });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#444444')
      .text(label, x + 8, y + 21, { width: boxWidth - 10 });
  });
  y += 44;

  heading(reportHeadings[1]);
  need(150);
  timeChart(
    doc,
    { x: margin, y, w: width, h: 140 },
    [
      {
        label: 'planned',
        color: blue,
        step: true,
        points: r.burndown.planned.map((p) => [p.day, p.atRisk] as const),
      },
      {
        label: 'actual',
        color: red,
        step: true,
        points: r.burndown.actual.map((p) => [p.day, p.atRisk] as const),
      },
    ],
    'people in the camp',
  );
  y += 150;

  heading(reportHeadings[2]);
  need(24 + 14 * r.byDestination.length);
  const barsHeight = 18 + 14 * r.byDestination.length;
  barChart(
    doc,
    { x: margin, y, w: width, h: barsHeight },
    r.byDestination.map((d) => ({ label: d.id, values: [d.pledged, d.allocated, d.departed] })),
    [
      { label: 'pledged', color: grey },
      { label: 'allocated', color: blue },
      { label: 'departed', color: dark },
    ],
  );
  y += barsHeight + 6;
  table(
    ['Destination', 'Pledged', 'Allocated', 'Scheduled', 'Departed'],
    [175, 85, 85, 85, 85],
    r.byDestination.map((d) => [
      `${d.id} ${d.name}`,
      n(d.pledged),
      n(d.allocated),
      n(d.scheduled),
      n(d.departed),
    ]),
  );

  heading(reportHeadings[3]);
  if (r.ahead.length === 0) line('No movement with people on it lies ahead.');
  else
    table(
      ['Movement', 'Departs', 'Kind', 'To', 'People', 'Seats', 'Load'],
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
      `Travel documents expiring within ${r.expiringDocuments.withinDays} days: ${n(r.expiringDocuments.cases)} case(s) (${Object.entries(
        r.expiringDocuments.byStep,
      )
        .map(([step, k]) => `${step} ${n(k)}`)
        .join(', ')}); re-plan with corridor replan --procedures.`,
    );

  heading(reportHeadings[4]);
  line(
    `Exposure (expected person-incident-days): ${r.plannedExposure === null ? 'no timetable' : `${n(Math.round(r.plannedExposure))} planned by the current timetable`}; ${n(Math.round(r.realisedExposure))} lived so far.`,
  );
  need(130);
  timeChart(
    doc,
    { x: margin, y, w: width, h: 120 },
    [
      { label: 'mean rate', color: blue, points: r.hazard.map((h) => [h.day, h.mean] as const) },
      {
        label: '90% upper',
        color: red,
        dash: true,
        points: r.hazard.map((h) => [h.day, h.upper90] as const),
      },
    ],
    'incidents per day at the camp',
  );
  y += 130;

  heading(reportHeadings[5]);
  const types = Object.entries(r.incidents.byType)
    .map(([t, c]) => `${t} ${c}`)
    .join(', ');
  line(
    `${r.incidents.total} incidents recorded (${types || 'none'}); ${r.incidents.injured} injured, ${r.incidents.killed} killed.`,
  );
  if (r.incidents.latest.length > 0)
    table(
      ['Incident', 'When', 'Type', 'Where', 'Injured', 'Killed'],
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

  heading(reportHeadings[6]);
  if (r.property.length === 0) line('No property recorded in the ledger.');
  else {
    table(
      ['Currency', 'Assets', 'Appraised', 'Offered', 'Permitted', 'Realised', 'Loss'],
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
    line('Bars: percent of the appraised value, per currency.');
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
        { label: 'appraised', color: grey },
        { label: 'offered', color: blue },
        { label: 'permitted', color: red },
        { label: 'realised', color: dark },
      ],
    );
    y += height + 6;
  }

  heading(reportHeadings[7]);
  const o = r.outcome;
  if (!o) line('No timetable yet: nothing to compare.');
  else {
    const ratio = o.exposure.ratio === null ? '' : ` (${o.exposure.ratio.toFixed(2)} times)`;
    line(
      `Against the first timetable (version ${o.baselineVersion}), up to ${r.today}: exposure ${o.exposure.realised.toFixed(2)} realised, ${o.exposure.planned.toFixed(2)} planned${ratio} expected person-incidents; ${n(o.departed.realised)} of ${n(o.departed.planned)} people planned to leave by then have left.`,
    );
    const causes = Object.entries(o.slips.byCause).filter(([, c]) => c.cases > 0);
    line(
      `${n(o.slips.cases)} cases (${n(o.slips.persons)} people) left later than planned or not yet.`,
    );
    if (causes.length > 0)
      table(
        ['Cause', 'Cases', 'People'],
        [160, 80, 80],
        causes.map(([cause, c]) => [cause, n(c.cases), n(c.persons)]),
      );
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#666666');
    // Below the content's bottom (page height − margin − 20), each line short enough not to wrap.
    const line = (text: string, fromMargin: number) =>
      doc.text(text, margin, doc.page.height - margin + fromMargin, {
        width,
        align: 'center',
        lineBreak: false,
      });
    line(`Corridor situation report · ${r.today} · page ${i + 1} of ${pages.count}`, 8);
    if (r.auditHead && i === pages.count - 1) {
      line(`Audit log head when printed: ${r.auditHead}`, -16);
      line(
        'Keep this page: corridor audit verify --anchor SEQ:HASH checks the log against it.',
        -7,
      );
    }
  }
  doc.end();
  return done;
}

/** Vector charts drawn straight into a pdfkit page: a time-line chart and horizontal bars. */
import type PDFDocument from 'pdfkit';
import { scriptOf, writeLine } from './pdf-fonts.js';

type Doc = InstanceType<typeof PDFDocument>;

/** A line of a time chart: points (day, value). */
export interface TimeSeries {
  label: string;
  color: string;
  points: readonly (readonly [string, number])[];
  /** Steps (hold the value until the next point) instead of straight segments. */
  step?: boolean;
  dash?: boolean;
}

/** A rectangle on the page. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label in the font its script needs (Arabic script shaped, right to left). */
function label(doc: Doc, text: string, x: number, y: number, width: number) {
  writeLine(doc, text, x, y, { width, rtl: scriptOf(text) === 'arabic' });
}

const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((n) => n >= v) ?? 10 * p;
}

/** Lines over time with axes, year ticks and a legend. */
export function timeChart(doc: Doc, box: Box, series: readonly TimeSeries[], yLabel: string) {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return;
  const t0 = Math.min(...all.map(([d]) => day(d)));
  const t1 = Math.max(...all.map(([d]) => day(d)), t0 + 86_400_000);
  const yMax = niceMax(Math.max(...all.map(([, v]) => v)));
  const left = box.x + 40;
  const bottom = box.y + box.h - 16;
  const top = box.y + 14;
  const right = box.x + box.w;
  const x = (d: string) => left + ((day(d) - t0) / (t1 - t0)) * (right - left);
  const y = (v: number) => bottom - (v / yMax) * (bottom - top);

  doc.save().lineWidth(0.5).strokeColor('#999999');
  doc.moveTo(left, top).lineTo(left, bottom).lineTo(right, bottom).stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#444444');
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    doc
      .moveTo(left - 3, y(v))
      .lineTo(left, y(v))
      .stroke();
    const label = yMax >= 10 ? Math.round(v).toLocaleString('en') : String(Number(v.toFixed(3)));
    doc.text(label, box.x, y(v) - 3, { width: 36, align: 'right' });
  }
  for (let year = new Date(t0).getUTCFullYear() + 1; Date.UTC(year, 0, 1) <= t1; year++) {
    const xx = left + ((Date.UTC(year, 0, 1) - t0) / (t1 - t0)) * (right - left);
    doc
      .moveTo(xx, bottom)
      .lineTo(xx, bottom + 3)
      .stroke();
    doc.text(String(year), xx - 12, bottom + 4, { width: 24, align: 'center' });
  }
  label(doc, yLabel, box.x, box.y, 200);
  doc.restore();

  for (const s of series) {
    if (s.points.length === 0) continue;
    doc.save().lineWidth(1.4).strokeColor(s.color);
    if (s.dash) doc.dash(3, { space: 2 });
    const [first, ...rest] = s.points;
    doc.moveTo(x(first![0]), y(first![1]));
    let prev = first![1];
    for (const [d, v] of rest) {
      if (s.step) doc.lineTo(x(d), y(prev));
      doc.lineTo(x(d), y(v));
      prev = v;
    }
    doc.stroke();
    doc.undash().restore();
  }
  let lx = right - series.length * 90;
  for (const s of series) {
    doc
      .save()
      .rect(lx, box.y + 2, 10, 3)
      .fill(s.color)
      .restore();
    doc.fontSize(7).fillColor('#222222');
    label(doc, s.label, lx + 13, box.y, 75);
    lx += 90;
  }
}

/** One horizontal bar group per row: each value drawn against a shared scale. */
export function barChart(
  doc: Doc,
  box: Box,
  rows: readonly { label: string; values: readonly number[] }[],
  legend: readonly { label: string; color: string }[],
) {
  const max = niceMax(Math.max(1, ...rows.flatMap((r) => r.values)));
  const labelWidth = 40;
  const rowHeight = (box.h - 14) / Math.max(rows.length, 1);
  const barHeight = Math.min(5, (rowHeight - 2) / legend.length);
  const width = box.w - labelWidth - 40;
  rows.forEach((r, i) => {
    const ry = box.y + 14 + i * rowHeight;
    doc.fontSize(7).fillColor('#222222');
    label(doc, r.label, box.x, ry, labelWidth);
    r.values.forEach((v, k) => {
      const w = (v / max) * width;
      doc
        .save()
        .rect(box.x + labelWidth, ry + k * barHeight, Math.max(w, 0.5), barHeight - 0.5)
        .fill(legend[k]!.color)
        .restore();
    });
    const top = Math.max(...r.values);
    doc
      .font('Helvetica')
      .fontSize(6.5)
      .fillColor('#444444')
      .text(top.toLocaleString('en'), box.x + labelWidth + (top / max) * width + 3, ry, {
        width: 40,
      });
  });
  let lx = box.x + labelWidth;
  for (const l of legend) {
    doc
      .save()
      .rect(lx, box.y + 2, 10, 4)
      .fill(l.color)
      .restore();
    doc.fontSize(7).fillColor('#222222');
    label(doc, l.label, lx + 13, box.y, 80);
    lx += 95;
  }
}

/** The property report: appraised, offered, permitted and realised per category, per currency. */
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import type { PropertyReport as Report } from '@corridor/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from './Chart.js';
import { formatMoney as money } from '../lib/money.js';
import { DataView } from './DataView.js';
import { TableScroll } from './ui.js';

/** `GET /api/property/report`. */
export type PropertyReportData = Report;

const measures = ['appraised', 'offered', 'permitted', 'realised', 'loss'] as const;

function isReport(v: unknown): v is PropertyReportData {
  return typeof v === 'object' && v !== null && Array.isArray((v as PropertyReportData).totals);
}

/** Totals per currency with a bar chart, then the rows per category. */
export function PropertyReport(props: { data: unknown }) {
  const t = useT();
  const { number } = useNumbers();
  const option = useMemo((): ChartOption | null => {
    if (!isReport(props.data) || props.data.totals.length === 0) return null;
    const totals = props.data.totals;
    return {
      grid: { left: 90, right: 16, top: 30, bottom: 30 },
      legend: { top: 0, right: 0 },
      color: ['#0b5cad', '#a4161a', '#4a5560'],
      xAxis: { type: 'category', data: measures.map((m) => t('propertyMeasure', codeOf(m))) },
      yAxis: {
        type: 'value',
        name: t('property.percent'),
        axisLabel: { formatter: (v: number) => `${v}%` },
      },
      series: totals.map((f) => ({
        name: f.currency,
        type: 'bar',
        // Each currency against its own appraised value: two currencies never share a scale.
        data: measures.map((m) => (f.appraised > 0 ? Math.round((100 * f[m]) / f.appraised) : 0)),
      })),
    };
  }, [props.data, t]);
  if (!isReport(props.data)) return <DataView value={props.data} label={t('property.report')} />;
  const r = props.data;
  if (r.totals.length === 0) return <p className="muted">{t('property.empty')}</p>;
  return (
    <div>
      {option && (
        <Chart
          name="property"
          option={option}
          label={t('property.chart', {
            list: r.totals
              .map((f) =>
                t('property.total', {
                  appraised: money(f.appraised, f.currency),
                  realised: money(f.realised, f.currency),
                }),
              )
              .join('; '),
          })}
        />
      )}
      <TableScroll>
        <table aria-label={t('property.table')}>
          <thead>
            <tr>
              <th scope="col">
                <T id="col.category" />
              </th>
              <th scope="col">
                <T id="col.assets" />
              </th>
              {measures.map((m) => (
                <th scope="col" key={m}>
                  <T id="propertyMeasure" values={codeOf(m)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[
              ...r.rows.map((f) => ({ ...f, label: f.category })),
              ...r.totals.map((f) => ({
                ...f,
                category: `total (${f.currency})`,
                label: t('property.totalRow', { currency: f.currency }),
              })),
            ].map((f) => (
              <tr key={`${f.category}/${f.currency}`} data-property-row={f.category}>
                <td>{f.label}</td>
                <td>{number(f.assets)}</td>
                {measures.map((m) => (
                  <td key={m}>{money(f[m], f.currency)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

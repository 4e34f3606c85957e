/** The daily hazard at the camp as a chart (dashboard and incidents pages). */
import { useMemo } from 'react';
import { useNumbers, useT } from '../i18n/use-t.js';
import type { HazardDay } from '../lib/types.js';
import { Chart, type ChartOption } from './Chart.js';

/** The daily hazard: mean, 90% upper quantile, and incidents observed. */
export function HazardChart(props: { days: HazardDay[] }) {
  const t = useT();
  const { number } = useNumbers();
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 50, right: 40, top: 52, bottom: 50 },
      legend: {
        data: [t('hazard.mean'), t('hazard.upper'), t('hazard.incidents')],
        top: 0,
        right: 0,
      },
      color: ['#0b5cad', '#a4161a', '#4a5560'],
      xAxis: { type: 'time' },
      yAxis: [
        { type: 'value', name: t('hazard.perDay'), min: 0 },
        { type: 'value', name: t('hazard.weighted'), min: 0, minInterval: 1 },
      ],
      dataZoom: [{ type: 'slider', height: 16, bottom: 8 }],
      series: [
        {
          name: t('hazard.mean'),
          type: 'line',
          symbol: 'none',
          data: props.days.map((d) => [d.day, d.mean]),
        },
        {
          name: t('hazard.upper'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: props.days.map((d) => [d.day, d.upper90]),
        },
        {
          name: t('hazard.incidents'),
          type: 'bar',
          barMaxWidth: 4,
          yAxisIndex: 1,
          data: props.days.filter((d) => d.observed > 0).map((d) => [d.day, d.observed]),
        },
      ],
    }),
    [props.days, t],
  );
  return (
    <Chart
      name="hazard"
      option={option}
      label={t('hazard.label', { days: number(props.days.length) })}
    />
  );
}

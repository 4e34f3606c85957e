/** The daily hazard at the camp as a chart (dashboard and incidents pages). */
import { useMemo } from 'react';
import type { HazardDay } from '../lib/types.js';
import { Chart, type ChartOption } from './Chart.js';

/** The daily hazard: mean, 90% upper quantile, and incidents observed. */
export function HazardChart(props: { days: HazardDay[] }) {
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 50, right: 40, top: 52, bottom: 50 },
      legend: { data: ['mean rate', '90% upper', 'incidents'], top: 0, right: 0 },
      color: ['#0b5cad', '#a4161a', '#4a5560'],
      xAxis: { type: 'time' },
      yAxis: [
        { type: 'value', name: 'per day', min: 0 },
        { type: 'value', name: 'weighted incidents', min: 0, minInterval: 1 },
      ],
      dataZoom: [{ type: 'slider', height: 16, bottom: 8 }],
      series: [
        {
          name: 'mean rate',
          type: 'line',
          symbol: 'none',
          data: props.days.map((d) => [d.day, d.mean]),
        },
        {
          name: '90% upper',
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: props.days.map((d) => [d.day, d.upper90]),
        },
        {
          name: 'incidents',
          type: 'bar',
          barMaxWidth: 4,
          yAxisIndex: 1,
          data: props.days.filter((d) => d.observed > 0).map((d) => [d.day, d.observed]),
        },
      ],
    }),
    [props.days],
  );
  return (
    <Chart
      name="hazard"
      option={option}
      label={`Daily incident rate at the camp over ${props.days.length} days, with its 90% upper bound and the incidents observed`}
    />
  );
}

/** An echarts chart (canvas, tree-shaken modules) that follows its container's size; load it through `Chart`. */
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** The options a chart takes (echarts' own type). */
export type ChartOption = echarts.EChartsCoreOption;

/** What a chart takes: its options and a text alternative (`label`) for screen readers. */
export interface ChartProps {
  option: ChartOption;
  label: string;
  height?: number;
  name?: string;
}

/** A chart with a text alternative (`label`) for screen readers. */
export function EChart(props: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // The tooltip is drawn in the canvas (richText), so no inline HTML styles meet the CSP.
    chart.current?.setOption(
      {
        animation: false,
        ...props.option,
        tooltip: { ...(props.option.tooltip as object | undefined), renderMode: 'richText' },
      },
      true,
    );
  }, [props.option]);
  return (
    <div
      ref={ref}
      className="chart"
      data-chart={props.name}
      role="img"
      aria-label={props.label}
      style={{ height: props.height ?? 280 }}
    />
  );
}

/**
 * A chart whose drawing library (echarts, about 180 KB compressed) is its own chunk, fetched the
 * first time a page shows a chart: the shell and the pages without charts never load it.
 */
import { lazy, Suspense } from 'react';
import type { ChartProps } from './EChart.js';
import { Loading } from './ui.js';

export type { ChartOption, ChartProps } from './EChart.js';

const loadEChart = () => import('./EChart.js');
const EChart = lazy(() => loadEChart().then((m) => ({ default: m.EChart })));

/** Starts fetching echarts now, for a page that will draw a chart once its data has come. */
export function preloadChart(): void {
  void loadEChart();
}

/** A chart with a text alternative (`label`); holds its height while echarts loads. */
export function Chart(props: ChartProps) {
  return (
    <Suspense
      fallback={
        <div className="chart" style={{ height: props.height ?? 280 }}>
          <Loading />
        </div>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}

/** The hazard estimate at the site from the stored incident log (M8), for planning and the API. */
import { estimateHazard, type HazardDay } from '@corridor/core';
import type { Store } from '../store.js';

/** Daily hazard from `from` to `to` (days), with the prior mean set to `rate` incidents per day. */
export async function hazardFrom(
  store: Store,
  from: string,
  to: string,
  rate: number,
): Promise<HazardDay[]> {
  return estimateHazard(await store.incidents.forHazard(), from, to, {
    priorShape: 0.5,
    priorRate: 0.5 / Math.max(rate, 1e-6),
  });
}

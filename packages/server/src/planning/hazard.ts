/** The camp's daily hazard from the incident log, as planning and `corridor hazard` read it. */
import { estimateHazard } from '@corridor/core';
import type { Store } from '@corridor/storage';

/** Hazard per day from `from` to `to`, with `rate` incidents a day as the prior's mean. */
export async function hazardFrom(store: Store, from: string, to: string, rate: number) {
  return estimateHazard(await store.incidents.forHazard(), from, to, {
    priorShape: 0.5,
    priorRate: 0.5 / Math.max(rate, 1e-6),
  });
}

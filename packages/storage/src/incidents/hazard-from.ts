/** The hazard estimate at the site from the stored incident log (M8), for planning and the API. */
import { defaultHazardPrior, estimateHazard, hazardPrior, type HazardDay } from '@corridor/core';
import type { Store } from '../store.js';

/** Daily hazard from `from` to `to` (days), with the prior mean set to `rate` incidents per day. */
export async function hazardFrom(
  store: Store,
  from: string,
  to: string,
  rate: number = defaultHazardPrior,
): Promise<HazardDay[]> {
  return estimateHazard(await store.incidents.forHazard(), from, to, hazardPrior(rate));
}

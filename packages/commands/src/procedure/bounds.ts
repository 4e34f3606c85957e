/** What host-state procedures tell the planner: per case and state, the ready and latest days. */
import type { IsoDate } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { standings } from './standing.js';

/** One case's window with one state: travel from `readyDay`, not after `latestDay`; or refused. */
export interface ProcedureBound {
  readyDay: string | null;
  latestDay: string | null;
  refused: boolean;
}

/** Every case's procedure bounds by state (cases with no recorded step are absent). */
export async function procedureBounds(
  store: Store,
  today: IsoDate,
): Promise<Map<string, Map<string, ProcedureBound>>> {
  const out = new Map<string, Map<string, ProcedureBound>>();
  for (const s of await standings(store, today)) {
    const byState = out.get(s.case) ?? new Map<string, ProcedureBound>();
    byState.set(s.state, {
      readyDay: s.expectedReadyDate,
      latestDay: s.latestDate,
      refused: s.refused,
    });
    out.set(s.case, byState);
  }
  return out;
}

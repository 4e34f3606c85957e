/** People still at risk over time: the planned line from the timetable, the actual line from departures. */

/** A movement as the burndown needs it. */
export interface BurndownMovement {
  departAt: string;
  persons: number;
  status: string;
}

/** One step of a line: on `day`, `atRisk` people were still in the camp. */
export interface BurndownPoint {
  day: string;
  atRisk: number;
}

/** The two lines of the burndown. */
export interface Burndown {
  planned: BurndownPoint[];
  actual: BurndownPoint[];
}

const left = new Set(['departed', 'arrived']);

/**
 * `total` people are at risk at `start` (everyone not yet departed plus everyone who departed
 * since). The planned line drops at each movement that is not cancelled, the actual line at each
 * movement that departed, up to `today` (or the last departure).
 */
export function burndown(
  total: number,
  start: string,
  movements: readonly BurndownMovement[],
  today: string,
): Burndown {
  const sorted = [...movements].sort((a, b) => a.departAt.localeCompare(b.departAt));
  const planned: BurndownPoint[] = [{ day: start, atRisk: total }];
  const actual: BurndownPoint[] = [{ day: start, atRisk: total }];
  let p = total;
  let a = total;
  for (const m of sorted) {
    const day = m.departAt.slice(0, 10);
    if (m.status !== 'cancelled') {
      p -= m.persons;
      planned.push({ day, atRisk: Math.max(0, p) });
    }
    if (left.has(m.status)) {
      a -= m.persons;
      actual.push({ day, atRisk: Math.max(0, a) });
    }
  }
  const lastActual = actual.at(-1)!;
  if (today > lastActual.day && today > start)
    actual.push({ day: today, atRisk: lastActual.atRisk });
  return { planned, actual };
}

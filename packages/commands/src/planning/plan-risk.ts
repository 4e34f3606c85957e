/** A timetable's exposure under sampled hazard paths (expected and CVaR 90%), for every plan. */
import { exposureRisk, type ExposureRisk, type HazardDay } from '@corridor/core';
import type { TimetableInput } from '@corridor/optimizer';

/**
 * The risk of `assignment` (a movement index per case, −1: none): the daily means are the plan's
 * own (`input.hazard`, a re-plan's events applied), the evidence behind each is the estimate's.
 */
export function planRisk(
  input: TimetableInput,
  hazardDays: readonly HazardDay[],
  assignment: ArrayLike<number>,
): ExposureRisk {
  const start = Date.parse(input.startDay);
  const dayOf = input.movements.map((m) => Math.round((Date.parse(m.day) - start) / 86_400_000));
  const shape = (d: number) => hazardDays[Math.min(d, hazardDays.length - 1)]?.shape ?? 1;
  return exposureRisk(
    input.hazard.map((mean, d) => ({ mean, shape: shape(d) })),
    input.cases.map((c, i) => {
      const m = assignment[i]!;
      return { persons: c.persons, day: m >= 0 ? dayOf[m]! : null };
    }),
  );
}

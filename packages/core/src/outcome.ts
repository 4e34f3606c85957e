/**
 * What happened against the plan (issue 21 item 6): for each case the day the baseline plan had it
 * leave and the day it really left, from which the exposure to date of both, the people still at
 * risk day by day, and the cases that slipped, by cause. Pure: the command reads the store.
 */

/** Why a case left later than planned (or not yet). */
export const slipCauses = [
  'no-show',
  'procedure',
  'seat',
  'hazard',
  'destination',
  'replanned',
  'other',
] as const;
export type SlipCause = (typeof slipCauses)[number];

/** One case as the comparison sees it. */
export interface OutcomeCase {
  caseId: string;
  persons: number;
  /** Departure day in the baseline plan; null when the baseline left it without a movement. */
  plannedDay: string | null;
  /** The day it really left; null while still in the camp. */
  realisedDay: string | null;
  /** Why it slipped, when it did. */
  cause: SlipCause | null;
}

/** What the comparison is made from. */
export interface OutcomeInput {
  startDay: string;
  asOf: string;
  /** Expected incidents per day from `startDay` on (the last value repeats). */
  hazard: readonly number[];
  cases: readonly OutcomeCase[];
}

/** One step of the two lines of people still in the camp. */
export interface AtRiskPoint {
  day: string;
  planned: number;
  realised: number;
}

/** The comparison. */
export interface Outcome {
  startDay: string;
  asOf: string;
  persons: number;
  /** Person-incidents expected up to `asOf`: as planned, as it happened, and their ratio. */
  exposure: { planned: number; realised: number; ratio: number | null };
  departed: { planned: number; realised: number };
  atRisk: AtRiskPoint[];
  slips: {
    cases: number;
    persons: number;
    byCause: Record<SlipCause, { cases: number; persons: number }>;
    /** The cases that slipped, each with its planned and realised day and cause. */
    list: OutcomeCase[];
  };
}

const dayMs = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs);

/** True when the case should have left by `asOf` and left later or not at all. */
export function slipped(c: OutcomeCase, asOf: string): boolean {
  if (c.plannedDay === null || c.plannedDay > asOf) return false;
  return c.realisedDay === null || c.realisedDay > c.plannedDay;
}

/** Compares the plan with what happened up to `asOf`. */
export function buildOutcome(input: OutcomeInput): Outcome {
  const start = dayNumber(input.startDay);
  const end = Math.max(start, dayNumber(input.asOf));
  // Cumulative hazard: H[d] = expected incidents a person in the camp sees before day d.
  const H = new Float64Array(end - start + 2);
  for (let d = 1; d < H.length; d++)
    H[d] = H[d - 1]! + (input.hazard[Math.min(d - 1, input.hazard.length - 1)] ?? 0);
  const at = (day: string | null) =>
    day === null ? end - start : Math.min(Math.max(dayNumber(day) - start, 0), end - start);
  let planned = 0;
  let realised = 0;
  const drops = new Map<number, { planned: number; realised: number }>();
  const drop = (d: number, key: 'planned' | 'realised', persons: number) => {
    const one = drops.get(d) ?? { planned: 0, realised: 0 };
    one[key] += persons;
    drops.set(d, one);
  };
  const byCause = Object.fromEntries(
    slipCauses.map((c) => [c, { cases: 0, persons: 0 }]),
  ) as Record<SlipCause, { cases: number; persons: number }>;
  const list: OutcomeCase[] = [];
  let slipPersons = 0;
  let persons = 0;
  let departedPlanned = 0;
  let departedRealised = 0;
  for (const c of input.cases) {
    persons += c.persons;
    planned += c.persons * H[at(c.plannedDay)]!;
    realised += c.persons * H[at(c.realisedDay)]!;
    if (c.plannedDay !== null && c.plannedDay <= input.asOf) {
      departedPlanned += c.persons;
      drop(at(c.plannedDay), 'planned', c.persons);
    }
    if (c.realisedDay !== null && c.realisedDay <= input.asOf) {
      departedRealised += c.persons;
      drop(at(c.realisedDay), 'realised', c.persons);
    }
    if (slipped(c, input.asOf)) {
      list.push({ ...c, cause: c.cause ?? 'other' });
      slipPersons += c.persons;
      const cause = byCause[c.cause ?? 'other'];
      cause.cases++;
      cause.persons += c.persons;
    }
  }
  const atRisk: AtRiskPoint[] = [{ day: input.startDay, planned: persons, realised: persons }];
  let p = persons;
  let r = persons;
  for (const d of [...drops.keys()].sort((a, b) => a - b)) {
    p -= drops.get(d)!.planned;
    r -= drops.get(d)!.realised;
    const day = new Date((start + d) * dayMs).toISOString().slice(0, 10);
    if (atRisk.at(-1)!.day === day) atRisk.pop();
    atRisk.push({ day, planned: p, realised: r });
  }
  if (atRisk.at(-1)!.day < input.asOf) atRisk.push({ day: input.asOf, planned: p, realised: r });
  return {
    startDay: input.startDay,
    asOf: input.asOf,
    persons,
    exposure: { planned, realised, ratio: planned > 0 ? realised / planned : null },
    departed: { planned: departedPlanned, realised: departedRealised },
    atRisk,
    slips: { cases: list.length, persons: slipPersons, byCause, list },
  };
}

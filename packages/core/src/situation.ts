/**
 * The situation report's content (M10), computed from what the registry, plans, timetable and
 * incident log say: people moved and remaining, by destination, the timetable ahead, the
 * burndown, hazard and exposure, incidents, property. Pure: the PDF writer and the web app draw it.
 */

import type { Outcome } from './outcome.js';
import type { PropertyFigures } from './property-report.js';

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

/** The planned and the actual line of people still at risk. */
export interface Burndown {
  planned: BurndownPoint[];
  actual: BurndownPoint[];
}

const left = new Set(['departed', 'arrived']);

/**
 * `total` people are at risk at `start` (everyone not yet departed plus everyone who departed
 * since). The planned line drops at each movement that is not cancelled, the actual line at each
 * movement that departed, and is carried on to `today` when that is later.
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
  const last = actual.at(-1)!;
  if (today > last.day && today > start) actual.push({ day: today, atRisk: last.atRisk });
  return { planned, actual };
}

/** People who have left the camp (departed or arrived), from persons by case status. */
export function personsMoved(personsByStatus: Readonly<Record<string, number>>): number {
  return (personsByStatus.departed ?? 0) + (personsByStatus.arrived ?? 0);
}

/** People still waiting to leave: all but those moved, withdrawn or deceased. */
export function personsRemaining(
  persons: number,
  personsByStatus: Readonly<Record<string, number>>,
): number {
  const gone = ['withdrawn', 'deceased'].reduce((s, k) => s + (personsByStatus[k] ?? 0), 0);
  return persons - personsMoved(personsByStatus) - gone;
}

/** What the report is built from. */
export interface SituationInputs {
  operation: { name: string; windowStart: string; windowEnd: string; isDemo: boolean };
  persons: number;
  households: number;
  personsByStatus: Readonly<Record<string, number>>;
  pledgedPersons: number;
  destinations: readonly { id: string; name: string; pledgedPersons: number }[];
  /** People per destination in the current allocation plan. */
  allocated: Readonly<Record<string, number>>;
  /** Movements with the people the current timetable puts on them (empty without one). */
  timetable: readonly {
    id: string;
    kind: string;
    destinationId: string | null;
    departAt: string;
    seats: number;
    persons: number;
    status: string;
  }[];
  hazard: readonly { day: string; mean: number; upper90: number; observed: number }[];
  incidents: readonly {
    id: string;
    type: string;
    at: string;
    site: string;
    injured: number;
    killed: number;
  }[];
  /** Expected person-incident-days of the current timetable (its summary), if any. */
  plannedExposure: number | null;
  /** The property report's totals per currency (minor units). */
  property: readonly PropertyFigures[];
  /** The day the report is about, YYYY-MM-DD. */
  today: string;
}

/** The report's content. */
export interface SituationReport {
  operation: SituationInputs['operation'];
  today: string;
  persons: number;
  households: number;
  moved: number;
  remaining: number;
  pledgedPersons: number;
  byDestination: {
    id: string;
    name: string;
    pledged: number;
    allocated: number;
    scheduled: number;
    departed: number;
  }[];
  ahead: SituationInputs['timetable'][number][];
  burndown: Burndown;
  hazard: SituationInputs['hazard'];
  plannedExposure: number | null;
  /** Exposure already lived: people still in the camp each day times that day's mean rate. */
  realisedExposure: number;
  incidents: {
    total: number;
    injured: number;
    killed: number;
    byType: Record<string, number>;
    latest: SituationInputs['incidents'][number][];
  };
  property: readonly PropertyFigures[];
  /**
   * Host-state procedures: cases whose valid visa, exit permit or fitness expires within
   * `withinDays` of the report's day, by step (absent when none is recorded).
   */
  expiringDocuments?: { withinDays: number; cases: number; byStep: Record<string, number> };
  /**
   * The audit log's last event as SEQ:HASH when the report was made: a printed report keeps it
   * outside the database, for `corridor audit verify --anchor` to catch a rewritten log later.
   */
  auditHead?: string;
  /** What happened against the first timetable up to the report's day; null without a timetable. */
  outcome?: {
    baselineVersion: number;
    exposure: Outcome['exposure'];
    departed: Outcome['departed'];
    slips: Omit<Outcome['slips'], 'list'>;
  } | null;
}

/** Computes the report's content from its inputs. */
export function buildSituation(input: SituationInputs, aheadCount = 12): SituationReport {
  const moved = personsMoved(input.personsByStatus);
  const remaining = personsRemaining(input.persons, input.personsByStatus);
  const gone = new Set(['departed', 'arrived']);
  const byDestination = input.destinations.map((d) => {
    const on = input.timetable.filter((m) => m.destinationId === d.id && m.status !== 'cancelled');
    return {
      id: d.id,
      name: d.name,
      pledged: d.pledgedPersons,
      allocated: input.allocated[d.id] ?? 0,
      scheduled: on.reduce((s, m) => s + m.persons, 0),
      departed: on.filter((m) => gone.has(m.status)).reduce((s, m) => s + m.persons, 0),
    };
  });
  const ahead = input.timetable
    .filter((m) => (m.status === 'planned' || m.status === 'confirmed') && m.persons > 0)
    .filter((m) => m.departAt.slice(0, 10) >= input.today)
    .sort((a, b) => a.departAt.localeCompare(b.departAt))
    .slice(0, aheadCount);
  const curve = burndown(
    moved + remaining,
    input.operation.windowStart,
    input.timetable,
    input.today,
  );
  let realisedExposure = 0;
  for (const h of input.hazard) {
    if (h.day > input.today) break;
    const still = [...curve.actual].reverse().find((p) => p.day <= h.day)?.atRisk ?? 0;
    realisedExposure += still * h.mean;
  }
  const byType: Record<string, number> = {};
  for (const i of input.incidents) byType[i.type] = (byType[i.type] ?? 0) + 1;
  return {
    operation: input.operation,
    today: input.today,
    persons: input.persons,
    households: input.households,
    moved,
    remaining,
    pledgedPersons: input.pledgedPersons,
    byDestination,
    ahead,
    burndown: curve,
    hazard: input.hazard,
    plannedExposure: input.plannedExposure,
    realisedExposure,
    incidents: {
      total: input.incidents.length,
      injured: input.incidents.reduce((s, i) => s + i.injured, 0),
      killed: input.incidents.reduce((s, i) => s + i.killed, 0),
      byType,
      latest: [...input.incidents].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 8),
    },
    property: input.property,
  };
}

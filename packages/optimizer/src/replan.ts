/** Re-planning (M7): disruptions applied to a timetable, and a new plan that changes few people's plans. */
import type { Highs } from 'highs';
import type { SolveResult } from './result.js';
import { solve } from './solve.js';
import {
  buildTimetableInstance,
  dayIndex,
  defaultTimetableWeights,
  timetableMetrics,
  type TimetableInput,
  type TimetableMovement,
} from './timetable.js';

/** Something that went wrong (or changed) since the plan was made. */
export type ReplanEvent =
  | { type: 'cancel-movement'; movement: string }
  | { type: 'reduce-seats'; movement: string; seats: number; baggageKg?: number }
  | { type: 'pause-destination'; destination: string; from: string; to: string }
  | { type: 'case-not-ready'; case: string; until: string }
  | { type: 'hazard-change'; from: string; factor: number }
  | { type: 'add-movement'; movement: TimetableMovement }
  /** Host-state procedures changed (a visa's expiry, a decision): the input already reads them. */
  | { type: 'procedures-changed' };

/** One problem in an events file, naming the event. */
export interface EventProblem {
  event: number;
  message: string;
}

/** Applies events to a timetable input; returns every problem instead when one is invalid. */
export function applyEvents(
  input: TimetableInput,
  events: ReplanEvent[],
): {
  input: TimetableInput;
  problems: EventProblem[];
  removed: Map<string, 'movement-cancelled' | 'destination-paused'>;
} {
  const problems: EventProblem[] = [];
  const removed = new Map<string, 'movement-cancelled' | 'destination-paused'>();
  let movements = input.movements.map((m) => ({ ...m }));
  let cases = input.cases.map((c) => ({ ...c }));
  let hazard = [...input.hazard];
  const intake = input.intake.map((p) => ({ ...p }));
  const isDay = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
  events.forEach((e, i) => {
    const bad = (message: string) => problems.push({ event: i + 1, message });
    switch (e?.type) {
      case 'cancel-movement':
        if (!movements.some((m) => m.id === e.movement)) bad(`unknown movement "${e.movement}"`);
        removed.set(e.movement, 'movement-cancelled');
        movements = movements.filter((m) => m.id !== e.movement);
        break;
      case 'reduce-seats': {
        const m = movements.find((x) => x.id === e.movement);
        if (!m) bad(`unknown movement "${e.movement}"`);
        else if (!Number.isInteger(e.seats) || e.seats < 0)
          bad(`seats must be a whole number ≥ 0, not ${e.seats}`);
        else if (e.seats > m.seats)
          bad(
            `seats ${e.seats} is more than the movement has (${m.seats}); use add-movement for more`,
          );
        else {
          m.baggageKg = e.baggageKg ?? Math.round((m.baggageKg * e.seats) / Math.max(1, m.seats));
          m.seats = e.seats;
        }
        break;
      }
      case 'pause-destination':
        if (!isDay(e.from) || !isDay(e.to) || e.from > e.to)
          bad('from and to must be days YYYY-MM-DD with from ≤ to');
        else if (
          !movements.some((m) => m.destinationId === e.destination) &&
          !intake.some((p) => p.destinationId === e.destination)
        )
          bad(`unknown destination "${e.destination}"`);
        else
          movements = movements.filter(
            (m) => !(m.destinationId === e.destination && m.day >= e.from && m.day <= e.to),
          );
        break;
      case 'case-not-ready': {
        const c = cases.find((x) => x.id === e.case);
        if (!c) bad(`unknown case "${e.case}"`);
        else if (!isDay(e.until)) bad('until must be a day YYYY-MM-DD');
        else c.readyDay = e.until > c.readyDay ? e.until : c.readyDay;
        break;
      }
      case 'hazard-change': {
        if (!isDay(e.from)) bad('from must be a day YYYY-MM-DD');
        else if (!(typeof e.factor === 'number' && e.factor >= 0 && Number.isFinite(e.factor)))
          bad(`factor must be a number ≥ 0, not ${e.factor}`);
        else {
          const start = Math.max(0, dayIndex(input.startDay, e.from));
          const horizon = Math.max(
            hazard.length,
            ...movements.map((m) => dayIndex(input.startDay, m.day) + 2),
          );
          while (hazard.length < horizon) hazard.push(hazard.at(-1) ?? 0);
          hazard = hazard.map((h, d) => (d >= start ? h * e.factor : h));
        }
        break;
      }
      case 'add-movement': {
        const m = e.movement;
        if (!m || typeof m.id !== 'string' || movements.some((x) => x.id === m.id))
          bad(`add-movement needs a new movement id${m?.id ? ` ("${m.id}" exists)` : ''}`);
        else if (
          !isDay(m.day) ||
          !Number.isInteger(m.seats) ||
          m.seats < 0 ||
          !Number.isFinite(m.baggageKg) ||
          m.baggageKg < 0
        )
          bad('add-movement needs day YYYY-MM-DD, seats ≥ 0 and baggageKg ≥ 0');
        else movements.push({ ...m });
        break;
      }
      case 'procedures-changed':
        break;
      default:
        bad(
          `unknown event type "${(e as { type?: string })?.type}"; types: cancel-movement, reduce-seats, pause-destination, case-not-ready, hazard-change, add-movement, procedures-changed`,
        );
    }
  });
  cases = cases.map((c) =>
    c.pinned && !movements.some((m) => m.id === c.pinned) ? { ...c, pinned: undefined } : c,
  ) as typeof cases;
  return { input: { ...input, movements, cases, hazard, intake }, problems, removed };
}

/** Why a case's plan changed. */
export type ChangeReason =
  | 'movement-cancelled'
  | 'movement-smaller'
  | 'not-ready'
  | 'documents-expire'
  | 'destination-paused'
  | 'saves-exposure'
  | 'made-room';

/** One person's changed plan. */
export interface PlanChange {
  case: string;
  persons: number;
  from: string | null;
  to: string | null;
  reason: ChangeReason;
}

/** The outcome of a re-plan. */
export interface ReplanResult {
  /** The timetable input with the events applied. */
  input: TimetableInput;
  result: SolveResult;
  /** Movement id per case (null: no movement). */
  assignment: (string | null)[];
  changes: PlanChange[];
  kept: number;
  /** Fewest cases that had to change (their movement is gone, too small, or too early for them). */
  minimumChanges: number;
  exposureBefore: number;
  exposureAfter: number;
}

/**
 * Solves the disrupted timetable from the previous plan: pinned cases stay, every other case
 * keeps its movement unless moving is needed or saves more exposure than the change penalty.
 */
export function replan(
  before: TimetableInput,
  previous: (string | null)[],
  events: ReplanEvent[],
  options: {
    changePenalty?: number;
    timeLimitMs?: number;
    seed?: number;
    highs?: Highs | null;
  } = {},
): ReplanResult | { problems: EventProblem[] } {
  const { input, problems, removed } = applyEvents(before, events);
  if (problems.length > 0) return { problems };
  const beforeIndex = new Map(before.movements.map((m, k) => [m.id, k]));
  const exposureBefore = timetableMetrics(
    before,
    previous.map((id) => (id ? (beforeIndex.get(id) ?? -1) : -1)),
  ).exposure;
  const k = new Map(input.movements.map((m, i) => [m.id, i]));
  const { instance } = buildTimetableInstance(input, defaultTimetableWeights);
  const warm = Int32Array.from(previous, (id) => (id ? (k.get(id) ?? -1) : -1));
  const penaltyPerPerson = options.changePenalty ?? 1;
  const result = solve(instance, {
    warmStart: warm,
    changePenalty: penaltyPerPerson,
    timeLimitMs: options.timeLimitMs ?? 10_000,
    seed: options.seed ?? 1,
    highs: options.highs ?? null,
  });
  const assignment = Array.from(result.assignment, (b) => (b >= 0 ? input.movements[b]!.id : null));
  const forced = forcedChanges(input, previous, removed);
  const changes: PlanChange[] = [];
  input.cases.forEach((c, i) => {
    const from = previous[i] ?? null;
    const to = assignment[i] ?? null;
    if (from === to) return;
    changes.push({
      case: c.id,
      persons: c.persons,
      from,
      to,
      reason:
        forced.reasons.get(c.id) ??
        (from === null
          ? 'saves-exposure'
          : movedForRoom(result, i)
            ? 'made-room'
            : 'saves-exposure'),
    });
  });
  return {
    input,
    result,
    assignment,
    changes,
    kept: input.cases.length - changes.length,
    minimumChanges: forced.minimum,
    exposureBefore,
    exposureAfter: timetableMetrics(input, result.assignment).exposure,
  };
}

/** A case that left its (still possible) movement for a worse one made room for others. */
function movedForRoom(result: SolveResult, i: number): boolean {
  return result.reasons[i]?.kind === 'traded';
}

/** Cases that cannot keep their movement, and the fewest that must move off shrunk movements. */
function forcedChanges(
  after: TimetableInput,
  previous: (string | null)[],
  removed: Map<string, 'movement-cancelled' | 'destination-paused'>,
): { reasons: Map<string, ChangeReason>; minimum: number } {
  const reasons = new Map<string, ChangeReason>();
  const afterById = new Map(after.movements.map((m) => [m.id, m]));
  const onMovement = new Map<string, { id: string; persons: number }[]>();
  after.cases.forEach((c, i) => {
    const id = previous[i];
    if (!id) return;
    const m = afterById.get(id);
    if (!m) {
      reasons.set(c.id, removed.get(id) ?? 'movement-cancelled');
      return;
    }
    if (m.day < c.readyDay) {
      reasons.set(c.id, 'not-ready');
      return;
    }
    if (c.latestDay && m.day > c.latestDay) {
      reasons.set(c.id, 'documents-expire');
      return;
    }
    onMovement.set(id, [...(onMovement.get(id) ?? []), { id: c.id, persons: c.persons }]);
  });
  let minimum = reasons.size;
  for (const [id, list] of onMovement) {
    const seats = afterById.get(id)!.seats;
    let load = list.reduce((s, x) => s + x.persons, 0);
    if (load <= seats) continue;
    for (const x of list) reasons.set(x.id, 'movement-smaller');
    // Fewest cases to take off: the largest households first.
    for (const x of [...list].sort((a, b) => b.persons - a.persons)) {
      if (load <= seats) break;
      load -= x.persons;
      minimum++;
    }
  }
  return { reasons, minimum };
}

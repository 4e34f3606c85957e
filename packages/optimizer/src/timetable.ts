/** The timetable model (M5): which movement each case leaves on, to cut the population's exposure. */
import { daysBetween, specialSeatKinds, type IsoDate, type SpecialSeats } from '@corridor/core';
import type { Instance, Pair } from './instance.js';

/** A case waiting to leave. */
export interface TimetableCase {
  id: string;
  persons: number;
  /** Baggage allowance the household needs, in kg. */
  baggageKg: number;
  /** First day the case can travel (documents, exit clearance, lead time), YYYY-MM-DD. */
  readyDay: string;
  /** Last day the case can travel (the earliest expiry of its visa, exit permit…), YYYY-MM-DD. */
  latestDay?: string;
  /** 0 (none) to 3 (highest): a higher priority weighs each day of delay more. */
  priority: number;
  /** Timetable mode: the allocated destination. Joint mode: null, and `destinations` lists the choices. */
  destinationId: string | null;
  /** Joint mode: eligible destinations with the allocation's points for the whole household, and the
   * first day the case can travel there (processing lead times differ by destination). */
  destinations?: { id: string; points: number; readyDay?: string; latestDay?: string }[];
  /** Pinned to a movement (checked in, boarded, departed, or locked by a planner). */
  pinned?: string;
  /** The movement of the previous timetable, kept unless moving gains more than the change penalty. */
  previous?: string;
  /** Persons needing a medical place (joint mode checks the destination's medical places). */
  medicalPersons?: number;
  /** Passengers needing a special place on board (stretcher, wheelchair, infant, escort). */
  specialSeats?: SpecialSeats;
}

/** A flight or convoy that can carry cases. */
export interface TimetableMovement {
  id: string;
  destinationId: string | null;
  /** Departure day, YYYY-MM-DD (local to the camp). */
  day: string;
  seats: number;
  baggageKg: number;
  /** Special places on board; a kind not declared sets no limit. */
  specialSeats?: SpecialSeats | null;
}

/** The whole timetabling problem. */
export interface TimetableInput {
  /** First day of the plan (day 0 of the hazard series). */
  startDay: string;
  /** Hazard: expected incidents per day at the camp, from `startDay` on (the last value repeats). */
  hazard: number[];
  cases: TimetableCase[];
  movements: TimetableMovement[];
  /** Ground transfer camp → airport: persons per day. Days not listed have no limit. */
  ground: { day: string; persons: number }[];
  /** Destination intake per period (persons); cumulative: places not used in a period carry over. */
  intake: { destinationId: string; from: string; to: string; persons: number }[];
  /** Cases that must travel on the same movement. */
  links: { caseIds: string[] }[];
  /** Joint mode: each destination's limits on cases and medical places over the whole plan. */
  destinationLimits?: { id: string; cases: number; medicalPlaces: number }[];
}

/** How the timetable weighs exposure, delay and fit. */
export interface TimetableWeights {
  /** Points lost per person and day of delay after the ready day, times (1 + priority). */
  delay: number;
  /** Joint mode: how many exposure units one allocation point is worth. */
  fitScale: number;
  /** Extra exposure charged per person left without a movement, on top of staying to the end. */
  unplacedExtra: number;
}

/** Defaults, documented in packages/optimizer/README.md. */
export const defaultTimetableWeights: TimetableWeights = {
  delay: 0.001,
  fitScale: 0.001,
  unplacedExtra: 10,
};

/** Whole days from a to b (YYYY-MM-DD). */
export function dayIndex(a: string, b: string): number {
  return daysBetween(a as IsoDate, b as IsoDate);
}

/** Cumulative hazard: H[d] = Σ_{t<d} λ_t, the expected incidents a person sees before leaving on day d. */
export function cumulativeHazard(hazard: number[], days: number): Float64Array {
  const h = new Float64Array(days + 2);
  for (let d = 1; d < h.length; d++)
    h[d] = h[d - 1]! + (hazard[Math.min(d - 1, hazard.length - 1)] ?? 0);
  return h;
}

/**
 * Resources of the instance: seats and baggage per movement, then ground per day, destination
 * limits, intake per period, then the special places each movement declares.
 */
export interface TimetableIndex {
  seats: (movement: number) => number;
  baggage: (movement: number) => number;
  ground: Map<string, number>;
  intake: { destinationId: string; from: string; to: string; resource: number }[];
  horizon: number;
  H: Float64Array;
}

/**
 * Builds the engine instance: items are cases, bins are movements. Cases of one class share their
 * (read-only) pairs array.
 */
export function buildTimetableInstance(
  input: TimetableInput,
  weights: TimetableWeights = defaultTimetableWeights,
): { instance: Instance; index: TimetableIndex } {
  const movements = input.movements;
  const horizon = Math.max(1, ...movements.map((m) => dayIndex(input.startDay, m.day) + 1));
  const H = cumulativeHazard(input.hazard, horizon);
  const resources = movements.flatMap((m) => [
    { name: `${m.id}/seats`, capacity: m.seats },
    { name: `${m.id}/baggage-kg`, capacity: m.baggageKg },
  ]);
  const ground = new Map<string, number>();
  for (const g of input.ground) {
    ground.set(g.day, resources.length);
    resources.push({ name: `ground/${g.day}`, capacity: g.persons });
  }
  const limits = new Map<string, { cases: number; medical: number }>();
  for (const l of input.destinationLimits ?? []) {
    resources.push({ name: `${l.id}/cases`, capacity: l.cases });
    resources.push({ name: `${l.id}/medical`, capacity: l.medicalPlaces });
    limits.set(l.id, { cases: resources.length - 2, medical: resources.length - 1 });
  }
  // Intake is cumulative: arrivals up to the end of a period may not exceed the places pledged
  // up to then (unused places carry over to later periods).
  const intake: TimetableIndex['intake'] = [];
  const byDestination = new Map<string, TimetableInput['intake']>();
  for (const p of input.intake)
    byDestination.set(p.destinationId, [...(byDestination.get(p.destinationId) ?? []), p]);
  for (const [destinationId, periods] of byDestination) {
    let total = 0;
    for (const p of [...periods].sort((a, b) => a.from.localeCompare(b.from))) {
      total += p.persons;
      resources.push({ name: `intake/${destinationId}/by-${p.to}`, capacity: total });
      intake.push({ destinationId, from: p.from, to: p.to, resource: resources.length - 1 });
    }
  }
  // A special place (stretcher, wheelchair, infant, escort) is a resource of its movement when
  // the movement declares it: one resource per movement and kind declared.
  const special = movements.map((m) => {
    const declared = new Map<keyof SpecialSeats, { resource: number; capacity: number }>();
    for (const kind of specialSeatKinds) {
      const capacity = m.specialSeats?.[kind];
      if (capacity === undefined) continue;
      declared.set(kind, { resource: resources.length, capacity });
      resources.push({ name: `${m.id}/${kind}`, capacity });
    }
    return declared;
  });
  const movementIntake = movements.map((m) => {
    const periods = intake.filter((p) => p.destinationId === m.destinationId);
    const counted = periods.filter((p) => p.to >= m.day);
    return (counted.length > 0 ? counted : periods.slice(-1)).map((p) => p.resource);
  });
  // Per movement once (not per case and movement: 40 M date parses at Kabul scale): its day
  // index, and the movements of each destination in order, so a case looks only at its own.
  const movementDay = movements.map((m) => dayIndex(input.startDay, m.day));
  const movementIndex = new Map(movements.map((m, k) => [m.id, k]));
  const toDestination = new Map<string, number[]>();
  movements.forEach((m, k) => {
    const key = m.destinationId ?? '';
    const list = toDestination.get(key);
    if (list) list.push(k);
    else toDestination.set(key, [k]);
  });
  // Cases alike in everything the pairs depend on (a class: same size, baggage, days, priority,
  // destination choices, pin, special needs) share one pairs array: at Kabul scale 36,000 cases
  // fall into about 2,000 classes, and millions of pair objects into a hundred thousand.
  const pairsOfClass = new Map<string, Pair[]>();
  const items = input.cases.map((c) => {
    const key = classKey(c);
    const penalty = c.persons * (H[horizon]! + weights.unplacedExtra);
    const shared = pairsOfClass.get(key);
    if (shared) return { name: c.id, penalty, pairs: shared };
    const ready = dayIndex(input.startDay, c.readyDay);
    const fitOf = new Map((c.destinations ?? []).map((d) => [d.id, d.points]));
    const readyAt = new Map(
      (c.destinations ?? []).map((d) => [d.id, dayIndex(input.startDay, d.readyDay ?? c.readyDay)]),
    );
    // A movement after the case's documents expire cannot carry it (host-state procedures).
    const latest = c.latestDay ? dayIndex(input.startDay, c.latestDay) : Infinity;
    const latestAt = new Map(
      (c.destinations ?? []).map((d) => [
        d.id,
        d.latestDay ? dayIndex(input.startDay, d.latestDay) : latest,
      ]),
    );
    const pairs: Pair[] = [];
    // The movements the case may use: the pinned one, else those of its destination (or, in
    // joint mode, of every destination it fits), in the movements' order.
    let candidates: readonly number[];
    if (c.pinned) {
      const k = movementIndex.get(c.pinned);
      candidates = k === undefined ? [] : [k];
    } else if (c.destinationId !== null) {
      candidates = toDestination.get(c.destinationId) ?? [];
    } else {
      candidates = [...fitOf.keys()]
        .flatMap((id) => toDestination.get(id) ?? [])
        .sort((a, b) => a - b);
    }
    for (const k of candidates) {
      const m = movements[k]!;
      const pinned = c.pinned === m.id;
      const d = movementDay[k]!;
      if (!pinned && (d < (readyAt.get(m.destinationId ?? '') ?? ready) || d < 0)) continue;
      if (!pinned && d > (latestAt.get(m.destinationId ?? '') ?? latest)) continue;
      const use: [number, number][] = [
        [2 * k, c.persons],
        [2 * k + 1, c.baggageKg],
      ];
      let fits = true;
      for (const [kind, place] of special[k]!) {
        const need = c.specialSeats?.[kind] ?? 0;
        if (need === 0) continue;
        if (need > place.capacity && !pinned) fits = false;
        use.push([place.resource, need]);
      }
      if (!fits) continue;
      const g = ground.get(m.day);
      if (g !== undefined) use.push([g, c.persons]);
      for (const r of movementIntake[k]!) use.push([r, c.persons]);
      const limit = limits.get(m.destinationId ?? '');
      if (limit) {
        use.push([limit.cases, 1]);
        if (c.medicalPersons) use.push([limit.medical, c.medicalPersons]);
      }
      const exposure = c.persons * H[Math.max(0, d)]!;
      const delay = weights.delay * (1 + c.priority) * c.persons * Math.max(0, d - ready);
      const fit =
        c.destinationId === null ? weights.fitScale * (fitOf.get(m.destinationId ?? '') ?? 0) : 0;
      pairs.push({ bin: k, weight: -exposure - delay + fit, use });
    }
    pairsOfClass.set(key, pairs);
    return { name: c.id, penalty, pairs };
  });
  const caseIndex = new Map(input.cases.map((c, i) => [c.id, i]));
  return {
    instance: {
      resources,
      bins: movements.map((m) => ({ name: m.id })),
      items,
      links: input.links
        .map((l) =>
          l.caseIds.map((id) => caseIndex.get(id)).filter((i): i is number => i !== undefined),
        )
        .filter((g) => g.length > 1),
    },
    index: { seats: (k) => 2 * k, baggage: (k) => 2 * k + 1, ground, intake, horizon, H },
  };
}

/** What a case's pairs depend on: cases with the same key have the same pairs. */
function classKey(c: TimetableCase): string {
  return JSON.stringify([
    c.persons,
    c.baggageKg,
    c.readyDay,
    c.latestDay ?? null,
    c.priority,
    c.destinationId,
    c.destinations ?? null,
    c.pinned ?? null,
    c.medicalPersons ?? 0,
    c.specialSeats ?? null,
  ]);
}

/** What a timetable achieves. */
export interface TimetableMetrics {
  /** Σ persons × cumulative hazard until departure (expected person-incidents); unplaced cases count to the horizon. */
  exposure: number;
  /** Days from the start to the last departure used. */
  makespanDays: number;
  movementsUsed: number;
  unusedSeats: number;
  unplaced: number;
  unplacedPersons: number;
}

/** Measures a timetable given as movement index per case (−1: no movement). */
export function timetableMetrics(
  input: TimetableInput,
  assignment: ArrayLike<number>,
): TimetableMetrics {
  const horizon = Math.max(1, ...input.movements.map((m) => dayIndex(input.startDay, m.day) + 1));
  const H = cumulativeHazard(input.hazard, horizon);
  let exposure = 0;
  let makespan = 0;
  let unplaced = 0;
  let unplacedPersons = 0;
  const load = new Map<number, number>();
  input.cases.forEach((c, i) => {
    const k = assignment[i]!;
    if (k < 0) {
      unplaced++;
      unplacedPersons += c.persons;
      exposure += c.persons * H[horizon]!;
      return;
    }
    const d = Math.max(0, dayIndex(input.startDay, input.movements[k]!.day));
    exposure += c.persons * H[d]!;
    makespan = Math.max(makespan, d);
    load.set(k, (load.get(k) ?? 0) + c.persons);
  });
  const unusedSeats = input.movements.reduce(
    (s, m, k) => s + (load.has(k) ? m.seats - load.get(k)! : 0),
    0,
  );
  return {
    exposure,
    makespanDays: makespan,
    movementsUsed: load.size,
    unusedSeats,
    unplaced,
    unplacedPersons,
  };
}

/**
 * What operators do by hand: cases in order of their ready day take the first movement to their
 * destination with room left (seats, baggage, ground transfer, intake).
 */
export function firstReadyFirstServed(input: TimetableInput): Int32Array {
  const { instance } = buildTimetableInstance(input);
  const left = instance.resources.map((r) => r.capacity);
  const order = input.cases
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.readyDay.localeCompare(b.c.readyDay) || a.c.id.localeCompare(b.c.id));
  const assignment = new Int32Array(input.cases.length).fill(-1);
  const day = input.movements.map((m) => dayIndex(input.startDay, m.day));
  // Sorted once per class (cases of a class share their pairs array).
  const sortedOf = new Map<readonly Pair[], Pair[]>();
  for (const { i } of order) {
    const own = instance.items[i]!.pairs;
    let pairs = sortedOf.get(own);
    if (!pairs) {
      pairs = [...own].sort((a, b) => day[a.bin]! - day[b.bin]! || a.bin - b.bin);
      sortedOf.set(own, pairs);
    }
    for (const p of pairs) {
      if (p.use.every(([r, a]) => left[r]! >= a)) {
        for (const [r, a] of p.use) left[r]! -= a;
        assignment[i] = p.bin;
        break;
      }
    }
  }
  return assignment;
}

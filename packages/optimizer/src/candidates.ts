/**
 * Movements as decisions (issue 21 item 2): which candidate movements to book and on which day,
 * under a budget, to cut exposure first, then cost, then makespan. Pure: no I/O, never throws on a
 * valid input.
 *
 * Method: a fluid evaluator (persons as a flow: each day, the movements of a destination carry
 * the persons of that destination who are ready and waiting, within the day's ground transfer and
 * the destination's cumulative intake) scores a set of bookings in microseconds; a lazy greedy adds
 * the (candidate, day) with the best objective gained per unit of cost while the budget lasts; a
 * local search then tries moving each booking to another day, dropping it, or swapping it for an
 * unused candidate. The caller runs the MRGAP engine on the movements chosen.
 */
import { cumulativeHazard, dayIndex, type TimetableInput } from './timetable.js';

/** A movement the plan may book: once, on one of `days`, for `cost`. */
export interface TimetableCandidate {
  id: string;
  destinationId: string | null;
  seats: number;
  baggageKg: number;
  /** Days it may depart on (inside its window, with the booking notice given), ascending. */
  days: string[];
  /** What booking it costs, in minor units. */
  cost: number;
}

/** How the choice weighs exposure, cost and makespan (one scalar objective, lowest best). */
export interface CandidateWeights {
  /** Per expected person-incident. */
  exposure: number;
  /** Per minor unit of cost. */
  cost: number;
  /** Per day from the plan's first day to its last departure. */
  makespan: number;
}

/**
 * Defaults: exposure first (1 per person-incident); 10⁻⁸ per minor unit, so 100,000.00 in a
 * two-decimal currency weighs 0.1 person-incident; 10⁻³ per day of makespan.
 */
export const defaultCandidateWeights: CandidateWeights = {
  exposure: 1,
  cost: 1e-8,
  makespan: 1e-3,
};

/** One booking: the candidate, the day, what it costs. */
export interface CandidateBooking {
  id: string;
  day: string;
  cost: number;
}

/** What the choice answers. */
export interface CandidateChoice {
  bookings: CandidateBooking[];
  cost: number;
  /** The evaluator's exposure of the bookings (fluid, an estimate: the engine's plan decides). */
  estimatedExposure: number;
  evaluations: number;
  timeMs: number;
}

/** Options of `chooseCandidates`. */
export interface CandidateOptions {
  /** Total cost allowed, minor units (default: no limit). */
  budget?: number;
  weights?: CandidateWeights;
  /** Time allowed to the local search, ms (default 2,000). */
  timeLimitMs?: number;
}

/** The last day index any plan over these candidates can use, plus one: where waiting ends. */
export function candidateHorizon(input: TimetableInput, candidates: TimetableCandidate[]): number {
  const last = Math.max(
    0,
    ...input.movements.map((m) => dayIndex(input.startDay, m.day)),
    ...candidates.flatMap((c) => (c.days.length ? [dayIndex(input.startDay, c.days.at(-1)!)] : [])),
  );
  return last + 1;
}

/** Exposure of an assignment with waiting counted to a given horizon (so two plans compare). */
export function exposureWithin(
  input: TimetableInput,
  assignment: ArrayLike<number>,
  horizon: number,
): number {
  const H = cumulativeHazard(input.hazard, horizon);
  let exposure = 0;
  input.cases.forEach((c, i) => {
    const k = assignment[i]!;
    const d = k < 0 ? horizon : Math.max(0, dayIndex(input.startDay, input.movements[k]!.day));
    exposure += c.persons * H[Math.min(d, horizon)]!;
  });
  return exposure;
}

/** The fluid model of one timetable input, to which bookings add seats on a (destination, day). */
class Fluid {
  readonly dest = new Map<string, number>();
  readonly seats: Float64Array[];
  private readonly ready: Float64Array[];
  /** Persons ready by each day (inclusive), per destination. */
  private readonly readyBy: Float64Array[];
  /** Days some destination has seats on, with how many additions put them there. */
  private readonly seatDays = new Map<number, number>();
  /** Visit every day, not only those with seats (the bound, whose seats are everywhere). */
  everyDay = false;
  private readonly intakeCap: Float64Array[];
  private readonly ground: Float64Array;
  private readonly H: Float64Array;
  evaluations = 0;

  constructor(
    input: TimetableInput,
    readonly horizon: number,
  ) {
    const key = (id: string | null) => {
      const k = id ?? '';
      if (!this.dest.has(k)) this.dest.set(k, this.dest.size);
      return this.dest.get(k)!;
    };
    input.cases.forEach((c) => key(c.destinationId));
    input.movements.forEach((m) => key(m.destinationId));
    input.intake.forEach((p) => key(p.destinationId));
    const n = this.dest.size;
    const row = () => new Float64Array(horizon + 1);
    this.seats = Array.from({ length: n }, row);
    this.ready = Array.from({ length: n }, row);
    this.intakeCap = Array.from({ length: n }, () => row().fill(Infinity));
    this.ground = row().fill(Infinity);
    this.H = cumulativeHazard(input.hazard, horizon);
    for (const c of input.cases) {
      const t = Math.min(horizon, Math.max(0, dayIndex(input.startDay, c.readyDay)));
      this.ready[key(c.destinationId)]![t]! += c.persons;
    }
    this.readyBy = this.ready.map((r) => {
      const by = new Float64Array(r.length);
      let sum = 0;
      r.forEach((v, t) => (by[t] = sum += v));
      return by;
    });
    for (const m of input.movements) this.add(m.destinationId, m.day, m.seats, input.startDay);
    for (const g of input.ground) {
      const t = dayIndex(input.startDay, g.day);
      if (t >= 0 && t <= horizon) this.ground[t] = g.persons;
    }
    // Intake as the engine reads it: cumulative places up to the end of each period, binding on
    // every departure before that end (the last period binds after it).
    const periods = new Map<number, { to: number; persons: number }[]>();
    for (const p of input.intake) {
      const d = key(p.destinationId);
      periods.set(d, [
        ...(periods.get(d) ?? []),
        { to: dayIndex(input.startDay, p.to), persons: p.persons },
      ]);
    }
    for (const [d, list] of periods) {
      list.sort((a, b) => a.to - b.to);
      let total = 0;
      const cumulative = list.map((p) => ({ to: p.to, total: (total += p.persons) }));
      for (let t = 0; t <= horizon; t++) {
        const binding = cumulative.filter((p) => p.to >= t);
        const caps = (binding.length ? binding : cumulative.slice(-1)).map((p) => p.total);
        this.intakeCap[d]![t] = Math.min(...caps);
      }
    }
  }

  /** Adds (or with negative seats removes) seats to a destination on a day. */
  add(destinationId: string | null, day: string, seats: number, startDay: string): void {
    const t = dayIndex(startDay, day);
    const d = this.dest.get(destinationId ?? '');
    if (d === undefined || t < 0 || t > this.horizon) return;
    this.seats[d]![t]! += seats;
    const uses = (this.seatDays.get(t) ?? 0) + Math.sign(seats);
    if (uses > 0) this.seatDays.set(t, uses);
    else this.seatDays.delete(t);
  }

  /** Exposure and makespan (days) of the persons flowing out on the seats as they stand. */
  evaluate(): { exposure: number; makespan: number } {
    this.evaluations++;
    const n = this.dest.size;
    const sent = new Float64Array(n);
    let exposure = 0;
    let makespan = 0;
    // Only days with seats move anyone: those waiting are the ready so far less those sent.
    const days = this.everyDay
      ? Array.from({ length: this.horizon }, (_, t) => t)
      : [...this.seatDays.keys()].filter((t) => t < this.horizon).sort((a, b) => a - b);
    for (const t of days) {
      let ground = this.ground[t]!;
      for (let d = 0; d < n; d++) {
        const seats = this.seats[d]![t]!;
        const waiting = this.readyBy[d]![t]! - sent[d]!;
        if (seats <= 0 || waiting <= 1e-9 || ground <= 0) continue;
        const go = Math.min(waiting, seats, ground, this.intakeCap[d]![t]! - sent[d]!);
        if (go <= 0) continue;
        sent[d]! += go;
        ground -= go;
        exposure += go * this.H[t]!;
        makespan = t;
      }
    }
    for (let d = 0; d < n; d++)
      exposure += (this.readyBy[d]![this.horizon]! - sent[d]!) * this.H[this.horizon]!;
    return { exposure, makespan };
  }
}

/**
 * A lower bound on any plan's exposure: persons leave as soon as they are ready, held back only by
 * the ground transfer per day and the destinations' intake (seats unlimited, households divisible).
 */
export function groundIntakeBound(input: TimetableInput, horizon: number): number {
  const fluid = new Fluid({ ...input, movements: [] }, horizon);
  for (const row of fluid.seats) row.fill(Infinity);
  fluid.everyDay = true;
  return fluid.evaluate().exposure;
}

/**
 * What operators would do by hand: book the candidates in the order they can first depart, each
 * on its first possible day, while the budget lasts.
 */
export function firstOfferedFirstBooked(
  candidates: TimetableCandidate[],
  budget = Infinity,
): CandidateBooking[] {
  let left = budget;
  const out: CandidateBooking[] = [];
  for (const c of [...candidates]
    .filter((c) => c.days.length > 0)
    .sort((a, b) => a.days[0]!.localeCompare(b.days[0]!) || a.id.localeCompare(b.id))) {
    if (c.cost > left) continue;
    left -= c.cost;
    out.push({ id: c.id, day: c.days[0]!, cost: c.cost });
  }
  return out;
}

/**
 * Chooses which candidates to book and when: each at most once, on one of its days, the total cost
 * within the budget, minimising weights·(exposure, cost, makespan) of the fluid evaluator.
 */
export function chooseCandidates(
  input: TimetableInput,
  candidates: TimetableCandidate[],
  options: CandidateOptions = {},
): CandidateChoice {
  const started = performance.now();
  const budget = options.budget ?? Infinity;
  const w = options.weights ?? defaultCandidateWeights;
  const limit = options.timeLimitMs ?? 2_000;
  const fluid = new Fluid(input, candidateHorizon(input, candidates));
  const usable = candidates.filter((c) => c.days.length > 0 && c.seats > 0 && c.cost <= budget);
  const chosen = new Map<number, string>(); // candidate index in usable → day
  let cost = 0;
  const score = () => {
    const e = fluid.evaluate();
    return { ...e, value: w.exposure * e.exposure + w.cost * cost + w.makespan * e.makespan };
  };
  const put = (i: number, day: string, sign: 1 | -1) => {
    const c = usable[i]!;
    fluid.add(c.destinationId, day, sign * c.seats, input.startDay);
    cost += sign * c.cost;
  };
  /** The best day for candidate i given the rest, and the objective with it booked there. */
  const bestDay = (i: number) => {
    let best: { day: string; value: number } | undefined;
    for (const day of usable[i]!.days) {
      put(i, day, 1);
      const v = score().value;
      put(i, day, -1);
      if (!best || v < best.value - 1e-12) best = { day, value: v };
    }
    return best!;
  };
  let current = score().value;
  // Lazy greedy: ratios only fall as seats are added (nearly always), so a candidate whose fresh
  // ratio still leads the stale ones is the greedy's choice without re-scoring the rest.
  const ratio = (gain: number, c: TimetableCandidate) => gain / Math.max(1, c.cost);
  let queue = usable.map((c, i) => {
    const b = bestDay(i);
    return { i, day: b.day, gain: current - b.value, ratio: ratio(current - b.value, c) };
  });
  queue = queue.filter((q) => q.gain > 0).sort((a, b) => b.ratio - a.ratio);
  while (queue.length > 0) {
    const top = queue.shift()!;
    const c = usable[top.i]!;
    if (cost + c.cost > budget) continue;
    const b = bestDay(top.i);
    const gain = current - b.value;
    if (gain <= 0) continue;
    const fresh = ratio(gain, c);
    if (queue.length > 0 && fresh < queue[0]!.ratio) {
      const at = queue.findIndex((q) => q.ratio <= fresh);
      queue.splice(at < 0 ? queue.length : at, 0, { i: top.i, day: b.day, gain, ratio: fresh });
      continue;
    }
    put(top.i, b.day, 1);
    chosen.set(top.i, b.day);
    current = b.value;
  }
  // Local search: move a booking to its best day, drop it, or swap it for an unused candidate.
  let improved = true;
  while (improved && performance.now() - started < limit) {
    improved = false;
    for (const [i, day] of [...chosen]) {
      if (performance.now() - started >= limit) break;
      put(i, day, -1);
      const without = score().value;
      const b = bestDay(i);
      let move: { j: number; day: string; value: number } | undefined =
        b.value < without ? { j: i, ...b } : { j: -1, day: '', value: without };
      for (let j = 0; j < usable.length; j++) {
        if (chosen.has(j) || j === i || cost + usable[j]!.cost > budget) continue;
        const bj = bestDay(j);
        if (bj.value < move.value - 1e-12) move = { j, ...bj };
      }
      if (move.value < current - 1e-9) {
        chosen.delete(i);
        if (move.j >= 0) {
          put(move.j, move.day, 1);
          chosen.set(move.j, move.day);
        }
        current = score().value;
        improved = true;
      } else put(i, day, 1);
    }
  }
  const bookings = [...chosen]
    .map(([i, day]) => ({ id: usable[i]!.id, day, cost: usable[i]!.cost }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return {
    bookings,
    cost: bookings.reduce((s, b) => s + b.cost, 0),
    estimatedExposure: fluid.evaluate().exposure,
    evaluations: fluid.evaluations,
    timeMs: performance.now() - started,
  };
}

/** The timetable input with the bookings added as movements (id: the candidate's). */
export function withBookings(
  input: TimetableInput,
  candidates: TimetableCandidate[],
  bookings: readonly CandidateBooking[],
): TimetableInput {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return {
    ...input,
    movements: [
      ...input.movements,
      ...bookings.map((b) => {
        const c = byId.get(b.id)!;
        return {
          id: c.id,
          destinationId: c.destinationId,
          day: b.day,
          seats: c.seats,
          baggageKg: c.baggageKg,
        };
      }),
    ],
  };
}

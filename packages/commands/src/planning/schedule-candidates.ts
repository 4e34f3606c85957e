/**
 * Candidate movements in a timetable run (issue 21 item 2): which to book and when, the hand
 * method beside it, and the bookings saved with the plan as planned movements.
 */
import {
  bookableDays,
  candidateDepartAt,
  errors,
  newMovement,
  parseMoney,
  toMajorUnits,
  type CandidateMovement,
  type IsoDate,
} from '@corridor/core';
import {
  candidateHorizon,
  chooseCandidates,
  defaultCandidateWeights,
  exposureWithin,
  firstOfferedFirstBooked,
  firstReadyFirstServed,
  withBookings,
  type CandidateBooking,
  type TimetableCandidate,
  type TimetableInput,
} from '@corridor/optimizer';
import type { Actor, Store } from '@corridor/storage';
import { round } from './save-timetable.js';

/** A booking as the summary shows it. */
export interface BookingOut {
  id: string;
  day: string;
  destinationId: string | null;
  seats: number;
  cost: number;
}

/** What `corridor schedule --json` says about candidates when there were some to choose from. */
export interface CandidateSummary {
  /** Candidates on offer to this run, and how many could still depart in their window. */
  offered: number;
  bookable: number;
  chosen: BookingOut[];
  /** Costs and budget in major units of `currency` (null budget: none given). */
  currency: string;
  totalCost: number;
  budget: number | null;
  /** The plan's exposure, waiting counted to the last day any candidate could depart. */
  exposure: number;
  /** By hand: candidates booked first-offered-first-booked, cases first-ready-first-served. */
  firstReadyFirstServed: { exposure: number; totalCost: number; chosen: BookingOut[] };
  exposureRatio: number | null;
  /** The objective: exposure × w.exposure + cost (minor units) × w.cost + makespan days × w.makespan. */
  weights: { exposure: number; cost: number; makespan: number };
  method: string;
  evaluations: number;
  chooseMs: number;
}

/** The candidates of a run and what it chose, before saving. */
export interface CandidatePlan {
  input: TimetableInput;
  bookings: CandidateBooking[];
  candidates: CandidateMovement[];
  horizon: number;
  handInput: TimetableInput;
  handAssignment: Int32Array;
  summary: Omit<CandidateSummary, 'exposure' | 'exposureRatio'>;
}

/** Reads a budget in major units of the candidates' currency; refused naming `budget` if not one. */
export function budgetMinor(budget: string | undefined, currency: string): number | undefined {
  if (budget === undefined) return undefined;
  const minor = parseMoney(budget, currency);
  if (minor === null)
    throw errors.invalidInput(
      `budget "${budget}" must be an amount ≥ 0 in ${currency}, the candidates' currency`,
    );
  return minor;
}

/** Chooses candidates for `input` (timetable mode), or undefined when none is on offer. */
export async function planCandidates(
  store: Store,
  input: TimetableInput,
  budget: string | undefined,
  timeLimitMs: number,
): Promise<CandidatePlan | undefined> {
  const offered = (await store.candidates.list()).filter((c) => c.status === 'candidate');
  if (offered.length === 0) {
    if (budget !== undefined)
      throw errors.invalidInput('budget: there is no candidate movement to spend it on');
    return undefined;
  }
  const currency = offered[0]!.currency;
  const limit = budgetMinor(budget, currency);
  const asOf = input.startDay as IsoDate;
  const candidates: TimetableCandidate[] = offered.map((c) => ({
    id: c.id,
    destinationId: c.destinationId,
    seats: c.seats,
    baggageKg: c.baggageKg,
    days: bookableDays(c, asOf),
    cost: c.costMinor,
  }));
  const choice = chooseCandidates(input, candidates, {
    ...(limit !== undefined ? { budget: limit } : {}),
    timeLimitMs: Math.min(5_000, Math.max(200, timeLimitMs / 4)),
  });
  const hand = firstOfferedFirstBooked(candidates, limit);
  const handInput = withBookings(input, candidates, hand);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const major = (minor: number) => toMajorUnits(minor, currency);
  const out = (b: CandidateBooking): BookingOut => ({
    id: b.id,
    day: b.day,
    destinationId: byId.get(b.id)!.destinationId,
    seats: byId.get(b.id)!.seats,
    cost: major(b.cost),
  });
  return {
    input: withBookings(input, candidates, choice.bookings),
    bookings: choice.bookings,
    candidates: offered,
    horizon: candidateHorizon(input, candidates),
    handInput,
    handAssignment: firstReadyFirstServed(handInput),
    summary: {
      offered: offered.length,
      bookable: candidates.filter((c) => c.days.length > 0).length,
      chosen: choice.bookings.map(out),
      currency,
      totalCost: major(choice.cost),
      budget: limit === undefined ? null : major(limit),
      firstReadyFirstServed: {
        exposure: 0,
        totalCost: major(hand.reduce((s, b) => s + b.cost, 0)),
        chosen: hand.map(out),
      },
      weights: { ...defaultCandidateWeights },
      method:
        'fluid evaluator, lazy greedy by objective gained per unit of cost, local search (move, drop, swap); the MRGAP engine assigns cases to the movements chosen',
      evaluations: choice.evaluations,
      chooseMs: Math.round(choice.timeMs),
    },
  };
}

/** The candidate summary once the engine's plan is known: exposures over one horizon, the ratio. */
export function candidateSummary(
  plan: CandidatePlan,
  finalInput: TimetableInput,
  assignment: ArrayLike<number>,
): CandidateSummary {
  const exposure = exposureWithin(finalInput, assignment, plan.horizon);
  // Both with the hazard the plan is reported with (the mean), whichever it was made against.
  const handInput = { ...plan.handInput, hazard: finalInput.hazard };
  const hand = exposureWithin(handInput, plan.handAssignment, plan.horizon);
  return {
    ...plan.summary,
    exposure: round(exposure),
    firstReadyFirstServed: { ...plan.summary.firstReadyFirstServed, exposure: round(hand) },
    exposureRatio: hand > 0 ? round(exposure / hand) : null,
  };
}

/**
 * Books the chosen candidates in the caller's transaction: each becomes a planned movement (its
 * id, on the chosen day at its departure time in the operation's zone) and is marked booked.
 */
export async function bookCandidates(store: Store, actor: Actor, plan: CandidatePlan) {
  if (plan.bookings.length === 0) return;
  const op = await store.registry.operation();
  if (!op) throw errors.noOperation();
  const destinations = await store.registry.destinations();
  const byId = new Map(plan.candidates.map((c) => [c.id, c]));
  const movements = [];
  for (const b of plan.bookings) {
    const c = byId.get(b.id)!;
    if (await store.movements.get(c.id))
      throw errors.conflict(`candidate ${c.id}: a movement with that id exists already`);
    movements.push(
      newMovement(
        {
          id: c.id,
          kind: c.kind,
          departAt: candidateDepartAt(b.day, c.departTime, op.timezone),
          seats: c.seats,
          baggageKg: c.baggageKg,
          to: c.destinationId,
        },
        op,
        destinations.find((d) => d.id === c.destinationId),
      ),
    );
  }
  await store.movements.add(movements, actor);
  await store.candidates.book(
    plan.bookings.map((b) => ({ id: b.id, day: b.day, movementId: b.id })),
    actor,
  );
}

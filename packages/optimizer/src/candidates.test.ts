/**
 * Movements as decisions: the choice books each candidate at most once, on one of its days, within
 * the budget, and lowers the exposure the engine's plan reaches; the hand method is beside it.
 */
import { describe, expect, it } from 'vitest';
import {
  candidateHorizon,
  chooseCandidates,
  exposureWithin,
  firstOfferedFirstBooked,
  withBookings,
  type TimetableCandidate,
} from './candidates.js';
import { solve } from './solve.js';
import { buildTimetableInstance, firstReadyFirstServed, type TimetableInput } from './timetable.js';

const day = (n: number) => new Date(Date.UTC(2031, 0, 1 + n)).toISOString().slice(0, 10);

/** Two destinations; A's cases are ready at once, B's only on day 20; no fixed movement. */
function instance(): { input: TimetableInput; candidates: TimetableCandidate[] } {
  const cases = Array.from({ length: 40 }, (_, i) => ({
    id: `C${i}`,
    persons: 1 + (i % 4),
    baggageKg: 20,
    readyDay: i < 25 ? day(0) : day(20),
    priority: 0,
    destinationId: i < 25 ? 'A' : 'B',
  }));
  const days = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => day(from + k));
  const candidates: TimetableCandidate[] = [
    // Offered first, for B, from day 1: by hand booked on day 1, when nobody for B is ready.
    { id: 'B-early', destinationId: 'B', seats: 60, baggageKg: 9999, days: days(1, 40), cost: 500 },
    { id: 'A-big', destinationId: 'A', seats: 70, baggageKg: 9999, days: days(3, 30), cost: 600 },
    { id: 'A-small', destinationId: 'A', seats: 30, baggageKg: 9999, days: days(2, 30), cost: 400 },
    { id: 'B-late', destinationId: 'B', seats: 60, baggageKg: 9999, days: days(25, 40), cost: 300 },
  ];
  const input: TimetableInput = {
    startDay: day(0),
    hazard: Array.from({ length: 50 }, () => 0.1),
    cases,
    movements: [],
    ground: [{ day: day(3), persons: 50 }],
    intake: [],
    links: [],
  };
  return { input, candidates };
}

describe('chooseCandidates', () => {
  it('books each candidate at most once, on one of its days, within the budget', () => {
    const { input, candidates } = instance();
    for (const budget of [0, 300, 700, 1000, 1300, Infinity]) {
      const choice = chooseCandidates(input, candidates, { budget });
      const ids = choice.bookings.map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(choice.cost).toBeLessThanOrEqual(budget);
      expect(choice.cost).toBe(choice.bookings.reduce((s, b) => s + b.cost, 0));
      for (const b of choice.bookings)
        expect(candidates.find((c) => c.id === b.id)!.days).toContain(b.day);
      if (budget === 0) expect(choice.bookings).toEqual([]);
    }
  });

  it('beats booking first offered, first bookable day, under the same budget', () => {
    const { input, candidates } = instance();
    const budget = 1100;
    const horizon = candidateHorizon(input, candidates);
    const hand = firstOfferedFirstBooked(candidates, budget);
    expect(hand.map((b) => b.id)).toEqual(['B-early', 'A-small']);
    const handInput = withBookings(input, candidates, hand);
    const handExposure = exposureWithin(handInput, firstReadyFirstServed(handInput), horizon);
    const choice = chooseCandidates(input, candidates, { budget });
    const planned = withBookings(input, candidates, choice.bookings);
    const result = solve(buildTimetableInstance(planned).instance, { timeLimitMs: 2_000 });
    const exposure = exposureWithin(planned, result.assignment, horizon);
    expect(exposure).toBeLessThan(handExposure);
    // B's cases are not ready before day 20: a booking for B is never earlier.
    for (const b of choice.bookings) if (b.id.startsWith('B')) expect(b.day >= day(20)).toBe(true);
    const none = exposureWithin(input, new Int32Array(input.cases.length).fill(-1), horizon);
    expect(exposure).toBeLessThan(none);
  });

  it('counts waiting to one horizon, so plans over different bookings compare', () => {
    const { input, candidates } = instance();
    const horizon = candidateHorizon(input, candidates);
    expect(horizon).toBe(41);
    const persons = input.cases.reduce((s, c) => s + c.persons, 0);
    const unplaced = new Int32Array(input.cases.length).fill(-1);
    expect(exposureWithin(input, unplaced, horizon)).toBeCloseTo(persons * 0.1 * horizon, 9);
  });
});

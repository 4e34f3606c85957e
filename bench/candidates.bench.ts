/**
 * Movements as decisions (issue 21 item 2). The timetable instances of timetable.bench.ts with
 * candidate movements instead of fixed ones: each fixed movement becomes an offer with a window of
 * days around its date, a booking lead time and a cost, under a budget below the offers' total.
 * The plan (`chooseCandidates`, then the MRGAP engine on the movements chosen, as `corridor
 * schedule` runs it) against the hand method (first offered first booked on its first bookable
 * day, then first ready first served), both within the budget, exposure counted to one horizon.
 * Target: exposure ≤ 0.7× the hand method's, each in ≤ 30 s, with the cost of both plans.
 */
import { addDays as addIsoDays, createRandom, generateDemo, type IsoDate } from '@corridor/core';
import {
  buildAllocationInstance,
  buildTimetableInstance,
  candidateHorizon,
  chooseCandidates,
  exposureWithin,
  firstOfferedFirstBooked,
  firstReadyFirstServed,
  groundIntakeBound,
  loadHighs,
  solve,
  timetableMetrics,
  withBookings,
  type TimetableCandidate,
  type TimetableInput,
} from '@corridor/optimizer';
import { loadavg } from 'node:os';
import { allocationInputOf } from './lib/demo-planning.js';
import { campOnly, since, writeResults } from './lib/report.js';
import { campTimetableInput, kabul } from './lib/timetable-instances.js';

const highs = await loadHighs();
const results: Record<string, unknown> = {};
const addDays = (day: string, n: number): string => addIsoDays(day as IsoDate, n);
/** As `corridor schedule` runs by default (`--time-limit 10`): a quarter to the choice, 10 s to the engine. */
const productLimits = { chooseMs: 2_500, engineMs: 10_000 };

/**
 * Offers from the fixed movements: a window from `before` days before the fixed date to `after`
 * days after it (inside the plan), a lead time, a price per seat with noise; the input's own
 * movements removed.
 */
function offersFrom(
  input: TimetableInput,
  shape: {
    seed: number;
    before: number;
    after: number;
    lead: [number, number];
    perSeat: [number, number];
    lastDay: string;
  },
): { input: TimetableInput; candidates: TimetableCandidate[] } {
  const r = createRandom(shape.seed);
  const candidates = input.movements.map((m) => {
    const from =
      addDays(m.day, -shape.before) < input.startDay
        ? input.startDay
        : addDays(m.day, -shape.before);
    const to =
      addDays(m.day, shape.after) > shape.lastDay ? shape.lastDay : addDays(m.day, shape.after);
    const lead = r.int(shape.lead[0], shape.lead[1]);
    const first = addDays(input.startDay, lead) > from ? addDays(input.startDay, lead) : from;
    const days: string[] = [];
    for (let d = first; d <= to; d = addDays(d, 1)) days.push(d);
    // Whole currency units in minor units (cents).
    const cost = m.seats * r.int(shape.perSeat[0], shape.perSeat[1]) * 100;
    return {
      id: `OFFER-${m.id}`,
      destinationId: m.destinationId,
      seats: m.seats,
      baggageKg: m.baggageKg,
      days,
      cost,
    };
  });
  return { input: { ...input, movements: [] }, candidates };
}

function measure(
  name: string,
  base: TimetableInput,
  candidates: TimetableCandidate[],
  budgetShare: number,
  limits: { chooseMs: number; engineMs: number },
) {
  const offered = candidates.reduce((s, c) => s + c.cost, 0);
  const budget = Math.round(offered * budgetShare);
  const horizon = candidateHorizon(base, candidates);
  const t0 = performance.now();
  const choice = chooseCandidates(base, candidates, { budget, timeLimitMs: limits.chooseMs });
  const chooseMs = since(t0);
  const planned = withBookings(base, candidates, choice.bookings);
  const t1 = performance.now();
  const { instance } = buildTimetableInstance(planned);
  const warm = firstReadyFirstServed(planned);
  const engine = solve(instance, {
    timeLimitMs: limits.engineMs,
    warmStart: warm,
    highs: campOnly || name === 'camp' ? highs : null,
  });
  const engineMs = since(t1);
  const totalMs = since(t0);
  const hand = firstOfferedFirstBooked(candidates, budget);
  const handInput = withBookings(base, candidates, hand);
  const handAssignment = firstReadyFirstServed(handInput);
  const exposure = exposureWithin(planned, engine.assignment, horizon);
  const handExposure = exposureWithin(handInput, handAssignment, horizon);
  const metrics = timetableMetrics(planned, engine.assignment);
  const handMetrics = timetableMetrics(handInput, handAssignment);
  const cost = (minor: number) => minor / 100;
  const row = {
    cases: base.cases.length,
    people: base.cases.reduce((s, c) => s + c.persons, 0),
    candidates: candidates.length,
    candidateDays: candidates.reduce((s, c) => s + c.days.length, 0),
    offeredCostUsd: cost(offered),
    budgetUsd: cost(budget),
    plan: {
      booked: choice.bookings.length,
      costUsd: cost(choice.cost),
      exposure,
      unplacedPersons: metrics.unplacedPersons,
      makespanDays: metrics.makespanDays,
      engineStatus: engine.status,
      evaluations: choice.evaluations,
      chooseMs,
      engineMs,
      totalMs,
    },
    firstOfferedFirstBookedThenFirstReady: {
      booked: hand.length,
      costUsd: cost(hand.reduce((s, b) => s + b.cost, 0)),
      exposure: handExposure,
      unplacedPersons: handMetrics.unplacedPersons,
      makespanDays: handMetrics.makespanDays,
    },
    exposureRatio: exposure / handExposure,
    // No plan can do better: seats unlimited, only ground transfer and intake hold people back.
    groundIntakeBound: groundIntakeBound(base, horizon),
    boundRatioToHand: groundIntakeBound(base, horizon) / handExposure,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  console.log(name, JSON.stringify(row));
  results[name] = row;
}

// 1. Camp scale: the demo as `npm run demo` plans it, its 37 movements offered instead of fixed:
// a window from 120 days before to 30 days after the fixed date, 14–60 days' notice, 450–900 USD
// a seat; the budget buys 60% of what is offered.
{
  const data = generateDemo({ people: 2000, seed: 1 });
  const allocation = allocationInputOf(data);
  const allocated = solve(buildAllocationInstance(allocation), { timeLimitMs: 10_000, highs });
  const fixed = campTimetableInput(data, allocation, allocated);
  const { input, candidates } = offersFrom(fixed, {
    seed: 7,
    before: 120,
    after: 30,
    lead: [14, 60],
    perSeat: [450, 900],
    lastDay: data.operation.windowEnd,
  });
  measure('camp', input, candidates, 0.6, productLimits);
}

// 2. Kabul scale: its 1,100 flights offered instead of fixed, each from 2 days before to 2 days
// after its date, 0–1 day's notice, 150–400 USD a seat; the budget buys 80% of what is offered.
if (!campOnly) {
  const fixed = kabul(21);
  const { input, candidates } = offersFrom(fixed, {
    seed: 8,
    before: 2,
    after: 2,
    lead: [0, 1],
    perSeat: [150, 400],
    lastDay: addDays(fixed.startDay, 16),
  });
  measure('kabul', input, candidates, 0.8, productLimits);
}

console.log(`results in ${writeResults('candidates', results)}`);

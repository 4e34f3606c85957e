import { describe, expect, it } from 'vitest';
import { loadHighs } from './load-highs.js';
import { applyEvents, replan } from './replan.js';
import { solve } from './solve.js';
import {
  buildTimetableInstance,
  cumulativeHazard,
  firstReadyFirstServed,
  timetableMetrics,
  type TimetableCase,
  type TimetableInput,
} from './timetable.js';

function buildCase(id: string, over: Partial<TimetableCase> = {}): TimetableCase {
  return {
    id,
    persons: 2,
    baggageKg: 40,
    readyDay: '2030-01-01',
    priority: 0,
    destinationId: 'A',
    ...over,
  };
}

/** Three flights to A on days 0, 5 and 10, rising hazard, a handful of cases. */
function smallInput(): TimetableInput {
  return {
    startDay: '2030-01-01',
    hazard: Array.from({ length: 20 }, (_, d) => 0.01 * (1 + d)),
    cases: [
      buildCase('C1', { persons: 5, baggageKg: 100 }),
      buildCase('C2', { persons: 1, baggageKg: 20 }),
      buildCase('C3', { persons: 4, baggageKg: 80, readyDay: '2030-01-04' }),
      buildCase('C4', { persons: 3, baggageKg: 60 }),
      buildCase('C5', { persons: 2, baggageKg: 40 }),
    ],
    movements: [
      { id: 'F0', destinationId: 'A', day: '2030-01-01', seats: 6, baggageKg: 200 },
      { id: 'F5', destinationId: 'A', day: '2030-01-06', seats: 6, baggageKg: 200 },
      { id: 'F10', destinationId: 'A', day: '2030-01-11', seats: 6, baggageKg: 200 },
    ],
    ground: [{ day: '2030-01-06', persons: 100 }],
    intake: [{ destinationId: 'A', from: '2030-01-01', to: '2030-12-31', persons: 100 }],
    links: [],
  };
}

describe('timetable model', () => {
  it('accumulates hazard day by day', () => {
    expect(Array.from(cumulativeHazard([1, 2, 3], 4))).toEqual([0, 1, 3, 6, 9, 12]);
  });

  it('fills the first flight with the largest households it can, and respects ready days', async () => {
    const input = smallInput();
    const { instance } = buildTimetableInstance(input);
    const result = solve(instance, { highs: await loadHighs() });
    expect(result.status).toBe('optimal');
    const plan = Object.fromEntries(
      input.cases.map((c, i) => [c.id, input.movements[result.assignment[i]!]?.id]),
    );
    expect(plan.C3).not.toBe('F0');
    const first = input.cases.filter((c) => plan[c.id] === 'F0').reduce((s, c) => s + c.persons, 0);
    expect(first).toBe(6);
    const metrics = timetableMetrics(input, result.assignment);
    const handmade = timetableMetrics(input, firstReadyFirstServed(input));
    expect(metrics.exposure).toBeLessThanOrEqual(handmade.exposure + 1e-9);
    expect(metrics.unplaced).toBe(0);
  });

  it('never lets arrivals run ahead of cumulative pledges', () => {
    const input = {
      ...smallInput(),
      intake: [
        { destinationId: 'A', from: '2030-01-01', to: '2030-01-07', persons: 5 },
        { destinationId: 'A', from: '2030-01-08', to: '2030-12-31', persons: 50 },
      ],
    };
    const { instance } = buildTimetableInstance(input);
    const result = solve(instance);
    const early = input.cases
      .filter((_, i) => ['F0', 'F5'].includes(input.movements[result.assignment[i]!]?.id ?? ''))
      .reduce((s, c) => s + c.persons, 0);
    expect(early).toBeLessThanOrEqual(5);
  });
});

describe('special places on board', () => {
  /** Three stretcher cases and an infant's, ready at once; the first flight has one stretcher. */
  function input(): TimetableInput {
    const base = smallInput();
    return {
      ...base,
      cases: [
        buildCase('S1', { persons: 1, specialSeats: { stretcher: 1, escort: 1 } }),
        buildCase('S2', { persons: 1, specialSeats: { stretcher: 1, escort: 1 } }),
        buildCase('S3', { persons: 1, specialSeats: { stretcher: 1, escort: 1 } }),
        buildCase('B1', { persons: 2, specialSeats: { infant: 1 } }),
      ],
      movements: [
        { ...base.movements[0]!, specialSeats: { stretcher: 1, escort: 2, infant: 0 } },
        { ...base.movements[1]!, specialSeats: { stretcher: 1, escort: 0 } },
        // Nothing declared: no limit.
        base.movements[2]!,
      ],
    };
  }

  it('books no more passengers needing a place than the movement declares', async () => {
    const data = input();
    const { instance } = buildTimetableInstance(data);
    expect(instance.resources.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'F0/stretcher',
        'F0/escort',
        'F0/infant',
        'F5/stretcher',
        'F5/escort',
      ]),
    );
    expect(instance.resources.filter((r) => r.name.startsWith('F10/')).map((r) => r.name)).toEqual([
      'F10/seats',
      'F10/baggage-kg',
    ]);
    for (const result of [
      solve(instance, { highs: await loadHighs() }).assignment,
      firstReadyFirstServed(data),
    ]) {
      const on = Object.fromEntries(
        data.cases.map((c, i) => [c.id, data.movements[result[i]!]?.id ?? null]),
      );
      const stretchersOn = (id: string) => ['S1', 'S2', 'S3'].filter((c) => on[c] === id).length;
      expect(stretchersOn('F0')).toBe(1);
      // F5 has a stretcher but no escort for it.
      expect(stretchersOn('F5')).toBe(0);
      expect(stretchersOn('F10')).toBe(2);
      // No infant place on F0: the baby's family leaves on F5.
      expect(on.B1).toBe('F5');
    }
  });

  it('keeps a pinned case where it is even beyond the places declared', () => {
    const data = input();
    data.cases[1] = { ...data.cases[1]!, pinned: 'F5' };
    const { instance } = buildTimetableInstance(data);
    expect(instance.items[1]!.pairs.map((p) => p.bin)).toEqual([1]);
  });
});

describe('re-planning', () => {
  const input = smallInput();
  const base = solve(buildTimetableInstance(input).instance);
  const previous = Array.from(base.assignment, (k) => input.movements[k]?.id ?? null);

  it('moves only the cases of a cancelled flight, and says why', () => {
    const outcome = replan(input, previous, [{ type: 'cancel-movement', movement: 'F5' }]);
    if ('problems' in outcome) throw new Error('unexpected problems');
    const onF5 = input.cases.filter((_, i) => previous[i] === 'F5').map((c) => c.id);
    expect(outcome.changes.map((c) => c.case).sort()).toEqual(expect.arrayContaining(onF5));
    for (const c of outcome.changes.filter((x) => onF5.includes(x.case)))
      expect(c.reason).toBe('movement-cancelled');
    expect(outcome.minimumChanges).toBe(onF5.length);
    expect(outcome.assignment).not.toContain('F5');
  });

  it('keeps pinned (checked-in) cases where they are', () => {
    const pinned = {
      ...input,
      cases: input.cases.map((c, i) => (i === 1 ? { ...c, pinned: previous[1]! } : c)),
    };
    const outcome = replan(pinned, previous, [
      { type: 'reduce-seats', movement: previous[1]!, seats: 1 },
    ]);
    if ('problems' in outcome) throw new Error('unexpected problems');
    expect(outcome.assignment[1]).toBe(previous[1]);
  });

  it('names every bad event and changes nothing', () => {
    const { problems } = applyEvents(input, [
      { type: 'cancel-movement', movement: 'NOPE' },
      { type: 'reduce-seats', movement: 'F0', seats: -2 },
      { type: 'case-not-ready', case: 'C9', until: '2030-02-01' },
      { type: 'hazard-change', from: 'soon', factor: 2 },
      { type: 'teleport' } as never,
    ]);
    expect(problems.map((p) => p.event)).toEqual([1, 2, 3, 4, 5]);
    expect(problems[0]!.message).toMatch(/unknown movement "NOPE"/);
    expect(problems[4]!.message).toMatch(/unknown event type "teleport"/);
    const outcome = replan(input, previous, [{ type: 'cancel-movement', movement: 'NOPE' }]);
    expect(outcome).toEqual({ problems: [{ event: 1, message: 'unknown movement "NOPE"' }] });
  });

  it('moves a case that is not ready any more to a later flight', () => {
    const i = previous.indexOf('F0');
    const id = input.cases[i]!.id;
    const outcome = replan(input, previous, [
      { type: 'case-not-ready', case: id, until: '2030-01-09' },
    ]);
    if ('problems' in outcome) throw new Error('unexpected problems');
    expect(outcome.assignment[i]).toBe('F10');
    expect(outcome.changes.find((c) => c.case === id)?.reason).toBe('not-ready');
  });
});

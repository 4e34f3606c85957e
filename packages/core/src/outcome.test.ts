import { describe, expect, it } from 'vitest';
import { buildOutcome, slipped, type OutcomeCase } from './outcome.js';

const one = (over: Partial<OutcomeCase>): OutcomeCase => ({
  caseId: 'C',
  persons: 1,
  plannedDay: null,
  realisedDay: null,
  cause: null,
  ...over,
});

describe('what happened against the plan', () => {
  it('counts a case as slipped only when it was due and left later or not at all', () => {
    const asOf = '2030-01-10';
    expect(slipped(one({ plannedDay: '2030-01-05', realisedDay: '2030-01-05' }), asOf)).toBe(false);
    expect(slipped(one({ plannedDay: '2030-01-05', realisedDay: '2030-01-03' }), asOf)).toBe(false);
    expect(slipped(one({ plannedDay: '2030-01-05', realisedDay: '2030-01-08' }), asOf)).toBe(true);
    expect(slipped(one({ plannedDay: '2030-01-05' }), asOf)).toBe(true);
    // Not due yet, or never planned: not a slip.
    expect(slipped(one({ plannedDay: '2030-01-20' }), asOf)).toBe(false);
    expect(slipped(one({}), asOf)).toBe(false);
  });

  it('charges exposure up to the day each case left, and draws both lines', () => {
    const out = buildOutcome({
      startDay: '2030-01-01',
      asOf: '2030-01-11',
      hazard: [0.1],
      cases: [
        one({ caseId: 'A', persons: 4, plannedDay: '2030-01-03', realisedDay: '2030-01-03' }),
        one({
          caseId: 'B',
          persons: 2,
          plannedDay: '2030-01-03',
          realisedDay: '2030-01-06',
          cause: 'no-show',
        }),
        one({ caseId: 'C', persons: 3, plannedDay: '2030-01-06', cause: 'seat' }),
        one({ caseId: 'D', persons: 5, plannedDay: '2030-02-01' }),
      ],
    });
    // Planned: A and B 2 days, C 5 days, D to the as-of day (10 days); realised: B 5, C 10.
    expect(out.exposure.planned).toBeCloseTo(0.1 * (4 * 2 + 2 * 2 + 3 * 5 + 5 * 10), 10);
    expect(out.exposure.realised).toBeCloseTo(0.1 * (4 * 2 + 2 * 5 + 3 * 10 + 5 * 10), 10);
    expect(out.exposure.ratio).toBeCloseTo(98 / 77, 10);
    expect(out.departed).toEqual({ planned: 9, realised: 6 });
    expect(out.atRisk).toEqual([
      { day: '2030-01-01', planned: 14, realised: 14 },
      { day: '2030-01-03', planned: 8, realised: 10 },
      { day: '2030-01-06', planned: 5, realised: 8 },
      { day: '2030-01-11', planned: 5, realised: 8 },
    ]);
    expect(out.slips.cases).toBe(2);
    expect(out.slips.persons).toBe(5);
    expect(out.slips.byCause['no-show']).toEqual({ cases: 1, persons: 2 });
    expect(out.slips.byCause.seat).toEqual({ cases: 1, persons: 3 });
    expect(out.slips.byCause.procedure).toEqual({ cases: 0, persons: 0 });
    expect(out.slips.list.map((c) => [c.caseId, c.cause])).toEqual([
      ['B', 'no-show'],
      ['C', 'seat'],
    ]);
  });

  it('has no ratio when nothing was exposed', () => {
    const out = buildOutcome({
      startDay: '2030-01-01',
      asOf: '2030-01-01',
      hazard: [0],
      cases: [],
    });
    expect(out.exposure).toEqual({ planned: 0, realised: 0, ratio: null });
    expect(out.atRisk).toEqual([{ day: '2030-01-01', planned: 0, realised: 0 }]);
  });
});

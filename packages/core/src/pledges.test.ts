import { describe, expect, it } from 'vitest';
import { pledgedTotals } from './pledges.js';

describe('pledgedTotals', () => {
  it('sums every period of each destination and gives zero to one without pledges', () => {
    const pledge = (
      destinationId: string,
      persons: number,
      cases: number,
      medicalPlaces: number,
    ) => ({ destinationId, persons, cases, medicalPlaces });
    const totals = pledgedTotals(
      ['DEU', 'ITA', 'CAN'],
      [
        pledge('DEU', 100, 20, 3),
        pledge('ITA', 50, 10, 0),
        pledge('DEU', 40, 9, 1),
        pledge('XXX', 7, 1, 0),
      ],
    );
    expect(totals.get('DEU')).toEqual({ persons: 140, cases: 29, medicalPlaces: 4 });
    expect(totals.get('ITA')).toEqual({ persons: 50, cases: 10, medicalPlaces: 0 });
    expect(totals.get('CAN')).toEqual({ persons: 0, cases: 0, medicalPlaces: 0 });
    expect(totals.has('XXX')).toBe(false);
  });
});

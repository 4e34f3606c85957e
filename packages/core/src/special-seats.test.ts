import { describe, expect, it } from 'vitest';
import {
  addSeatNeeds,
  seatNeedsOf,
  specialSeatsText,
  SpecialSeatsSchema,
} from './special-seats.js';

describe('special places on board', () => {
  it('reads what a passenger needs from needs and birth year', () => {
    const none = { needs: [], birthYear: 1990 };
    expect(seatNeedsOf(none, 2031)).toEqual({});
    expect(seatNeedsOf({ needs: [{ code: 'SM', severity: 3 }], birthYear: 1950 }, 2031)).toEqual({
      stretcher: 1,
      escort: 1,
    });
    // A serious condition of lower severity travels seated.
    expect(seatNeedsOf({ needs: [{ code: 'SM', severity: 2 }], birthYear: 1950 }, 2031)).toEqual(
      {},
    );
    expect(seatNeedsOf({ needs: [{ code: 'DS', severity: 2 }], birthYear: 1980 }, 2031)).toEqual({
      wheelchair: 1,
    });
    // On a stretcher, not also in a wheelchair.
    expect(
      seatNeedsOf(
        {
          needs: [
            { code: 'DS', severity: 3 },
            { code: 'SM', severity: 3 },
          ],
          birthYear: 1980,
        },
        2031,
      ),
    ).toEqual({ stretcher: 1, escort: 1 });
    expect(seatNeedsOf({ needs: [], birthYear: 2030 }, 2031)).toEqual({ infant: 1 });
    expect(seatNeedsOf({ needs: [], birthYear: 2029 }, 2031)).toEqual({});
    expect(seatNeedsOf({ needs: [{ code: 'SC', severity: 1 }], birthYear: 2020 }, 2031)).toEqual({
      escort: 1,
    });
  });

  it('adds a household up and writes it short', () => {
    const sum = addSeatNeeds([{ stretcher: 1, escort: 1 }, { infant: 1 }, {}, { escort: 1 }]);
    expect(sum).toEqual({ stretcher: 1, escort: 2, infant: 1 });
    expect(specialSeatsText(sum)).toBe('1 stretcher, 1 infant, 2 escort');
    expect(specialSeatsText(null)).toBe('');
  });

  it('refuses unknown kinds and negative places', () => {
    expect(SpecialSeatsSchema.safeParse({ stretcher: 2, infant: 0 }).success).toBe(true);
    expect(SpecialSeatsSchema.safeParse({ sofa: 1 }).success).toBe(false);
    expect(SpecialSeatsSchema.safeParse({ wheelchair: -1 }).success).toBe(false);
    expect(SpecialSeatsSchema.safeParse({ escort: 1.5 }).success).toBe(false);
  });
});

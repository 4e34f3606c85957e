import { describe, expect, it } from 'vitest';
import { readDate } from './dates.js';

describe('readDate', () => {
  it('reads ISO 8601 and the day-first forms of the field', () => {
    expect(readDate('1990-12-31')).toEqual({ ok: true, date: '1990-12-31' });
    expect(readDate('1990-12-31T00:00:00Z')).toEqual({ ok: true, date: '1990-12-31' });
    expect(readDate('31/12/1990')).toEqual({ ok: true, date: '1990-12-31' });
    expect(readDate('31.12.1990')).toEqual({ ok: true, date: '1990-12-31' });
    expect(readDate('1-2-1990')).toEqual({ ok: true, date: '1990-02-01' });
    expect(readDate(' 29/02/2000 ')).toEqual({ ok: true, date: '2000-02-29' });
  });

  it('refuses impossible days, two-digit years and other shapes', () => {
    for (const bad of ['31/02/1990', '29.02.1900', '1990-02-30', '31/04/2001', '00/01/1990'])
      expect(readDate(bad)).toEqual({ ok: false, reason: 'is not a real calendar date' });
    for (const bad of ['31/12/90', '12/31/1990x', 'yesterday', '1990/12/31', '31-12.1990'])
      expect(readDate(bad).ok).toBe(false);
    // Month-first dates are read day-first; the 31st month does not exist.
    expect(readDate('12/31/1990').ok).toBe(false);
  });
});

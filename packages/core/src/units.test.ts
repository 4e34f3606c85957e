import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, toZonedIso, type IsoDate } from './units.js';

describe('dates', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('27-01-01')).toBe(false);
  });

  it('adds and counts days across months and years', () => {
    expect(addDays('2030-12-31' as IsoDate, 1)).toBe('2031-01-01');
    expect(daysBetween('2027-01-01' as IsoDate, '2031-06-30' as IsoDate)).toBe(1641);
  });

  it('writes instants in local time with the zone offset', () => {
    const instant = new Date('2031-06-30T02:00:00Z');
    expect(toZonedIso(instant, 'Asia/Baghdad')).toBe('2031-06-30T05:00:00+03:00');
    expect(toZonedIso(instant, 'UTC')).toBe('2031-06-30T02:00:00Z');
    expect(toZonedIso(new Date('2031-01-15T12:00:00Z'), 'Europe/Tirane')).toBe(
      '2031-01-15T13:00:00+01:00',
    );
  });
});

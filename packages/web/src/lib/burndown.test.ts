import { describe, expect, it } from 'vitest';
import { burndown } from './burndown.js';

const move = (departAt: string, persons: number, status = 'planned') => ({
  departAt,
  persons,
  status,
});

describe('burndown', () => {
  it('drops the planned line at each movement and the actual line only at departures', () => {
    const b = burndown(
      100,
      '2027-01-01',
      [
        move('2027-03-01T06:00:00+03:00', 30, 'departed'),
        move('2027-02-01T06:00:00+03:00', 20, 'arrived'),
        move('2027-04-01T06:00:00+03:00', 25),
        move('2027-05-01T06:00:00+03:00', 40, 'cancelled'),
      ],
      '2027-03-15',
    );
    expect(b.planned).toEqual([
      { day: '2027-01-01', atRisk: 100 },
      { day: '2027-02-01', atRisk: 80 },
      { day: '2027-03-01', atRisk: 50 },
      { day: '2027-04-01', atRisk: 25 },
    ]);
    expect(b.actual).toEqual([
      { day: '2027-01-01', atRisk: 100 },
      { day: '2027-02-01', atRisk: 80 },
      { day: '2027-03-01', atRisk: 50 },
      { day: '2027-03-15', atRisk: 50 },
    ]);
  });

  it('never goes below zero and stops the actual line at the start before the window', () => {
    const b = burndown(10, '2027-01-01', [move('2027-02-01T00:00:00Z', 15)], '2026-11-24');
    expect(b.planned.at(-1)).toEqual({ day: '2027-02-01', atRisk: 0 });
    expect(b.actual).toEqual([{ day: '2027-01-01', atRisk: 10 }]);
  });
});

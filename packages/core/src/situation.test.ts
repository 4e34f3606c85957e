import { describe, expect, it } from 'vitest';
import { buildSituation, burndown, type SituationInputs } from './situation.js';

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

const inputs = (over: Partial<SituationInputs> = {}): SituationInputs => ({
  operation: { name: 'Test', windowStart: '2027-01-01', windowEnd: '2027-12-31', isDemo: true },
  persons: 100,
  households: 30,
  personsByStatus: { verified: 60, departed: 30, withdrawn: 10 },
  pledgedPersons: 120,
  destinations: [
    { id: 'AAA', name: 'Alpha', pledgedPersons: 80 },
    { id: 'BBB', name: 'Beta', pledgedPersons: 40 },
  ],
  allocated: { AAA: 70, BBB: 20 },
  timetable: [
    {
      id: 'M1',
      kind: 'charter',
      destinationId: 'AAA',
      departAt: '2027-02-01T06:00:00+03:00',
      seats: 40,
      persons: 30,
      status: 'departed',
    },
    {
      id: 'M2',
      kind: 'charter',
      destinationId: 'AAA',
      departAt: '2027-05-01T06:00:00+03:00',
      seats: 40,
      persons: 40,
      status: 'planned',
    },
    {
      id: 'M3',
      kind: 'scheduled',
      destinationId: 'BBB',
      departAt: '2027-06-01T10:00:00+03:00',
      seats: 30,
      persons: 20,
      status: 'planned',
    },
    {
      id: 'M4',
      kind: 'scheduled',
      destinationId: 'BBB',
      departAt: '2027-07-01T10:00:00+03:00',
      seats: 30,
      persons: 0,
      status: 'planned',
    },
  ],
  hazard: [
    { day: '2027-01-01', mean: 0.1, upper90: 0.2, observed: 0 },
    { day: '2027-02-01', mean: 0.1, upper90: 0.2, observed: 1 },
    { day: '2027-03-01', mean: 0.2, upper90: 0.3, observed: 0 },
  ],
  incidents: [
    {
      id: 'I1',
      type: 'indirect-fire',
      at: '2027-02-01T20:00:00+03:00',
      site: 'camp',
      injured: 3,
      killed: 1,
    },
    {
      id: 'I2',
      type: 'threat',
      at: '2027-02-10T20:00:00+03:00',
      site: 'camp',
      injured: 0,
      killed: 0,
    },
  ],
  plannedExposure: 12.5,
  property: [],
  today: '2027-03-01',
  ...over,
});

describe('the situation report', () => {
  it('counts people moved and remaining, by destination and ahead', () => {
    const r = buildSituation(inputs());
    expect([r.moved, r.remaining]).toEqual([30, 60]);
    expect(r.byDestination).toEqual([
      { id: 'AAA', name: 'Alpha', pledged: 80, allocated: 70, scheduled: 70, departed: 30 },
      { id: 'BBB', name: 'Beta', pledged: 40, allocated: 20, scheduled: 20, departed: 0 },
    ]);
    expect(r.ahead.map((m) => m.id)).toEqual(['M2', 'M3']);
    expect(r.incidents).toMatchObject({
      total: 2,
      injured: 3,
      killed: 1,
      byType: { 'indirect-fire': 1, threat: 1 },
    });
    expect(r.incidents.latest[0]!.id).toBe('I2');
  });

  it('sums the exposure lived so far: people still in the camp times the daily rate', () => {
    const r = buildSituation(inputs());
    // 90 people on 1 January (0.1), 60 from 1 February (0.1), 60 on 1 March (0.2).
    expect(r.realisedExposure).toBeCloseTo(90 * 0.1 + 60 * 0.1 + 60 * 0.2, 9);
    expect(r.plannedExposure).toBe(12.5);
  });
});

import { describe, expect, it } from 'vitest';
import { generateDemo } from './demo/generate.js';
import { generateDemoMovements } from './demo/movements.js';
import { movementProblems } from './movement-rules.js';

const demo = generateDemo({ people: 120, seed: 3 });
const movements = generateDemoMovements(demo.destinations, demo.pledges);
const now = new Date('2026-12-01T00:00:00Z');
const destinations = new Set(demo.destinations.map((d) => d.id));

describe('movementProblems', () => {
  it('accepts the demo movements', () => {
    expect(movementProblems(movements, destinations, new Set(), now)).toEqual([]);
  });

  it('names each bad movement and field', () => {
    const good = movements[0]!;
    const bad = [
      { ...good, id: 'M-P', departAt: '2020-05-01T10:00:00+03:00' },
      { ...good, id: 'M-N', seats: -3 },
      { ...good, id: 'M-D', destinationId: 'ATL' },
      { ...good, id: 'M-T', departAt: '2031-05-01 10:00' },
      good,
      { ...good },
    ];
    const message = movementProblems(bad, destinations, new Set(), now).join('; ');
    expect(message).toMatch(/M-P: departAt 2020-05-01T10:00:00\+03:00 is in the past/);
    expect(message).toMatch(/M-N: seats/);
    expect(message).toMatch(/M-D: destinationId ATL is not a destination/);
    expect(message).toMatch(/M-T: departAt must be an ISO 8601 date-time/);
    expect(message).toMatch(/M-001: id is already used/);
    expect(movementProblems([good], destinations, new Set([good.id]), now)).toEqual([
      `movement ${good.id}: id is already used`,
    ]);
  });

  it('lets a cancelled or departed movement lie in the past', () => {
    const past = { ...movements[0]!, departAt: '2020-05-01T10:00:00+03:00', status: 'departed' };
    expect(movementProblems([past], destinations, new Set(), now)).toEqual([]);
  });
});

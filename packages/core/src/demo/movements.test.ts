import { describe, expect, it } from 'vitest';
import { MovementSchema } from '../schemas.js';
import { generateDemo } from './generate.js';
import {
  finalMovementSeats,
  generateDemoGroundCapacity,
  generateDemoMovements,
} from './movements.js';

describe('demo movements', () => {
  const demo = generateDemo();
  const movements = generateDemoMovements(demo.destinations, demo.pledges);

  it('has about forty valid movements ending with a final charter of 280 on the last day', () => {
    expect(movements.length).toBeGreaterThanOrEqual(30);
    expect(movements.length).toBeLessThanOrEqual(50);
    for (const m of movements) MovementSchema.parse(m);
    const last = movements.at(-1)!;
    expect(last.seats).toBe(finalMovementSeats);
    expect(last.departAt.startsWith(demo.operation.windowEnd)).toBe(true);
    expect(new Set(movements.map((m) => m.id)).size).toBe(movements.length);
  });

  it('offers every destination at least its pledged persons in seats', () => {
    for (const d of demo.destinations) {
      const seats = movements
        .filter((m) => m.destinationId === d.id)
        .reduce((s, m) => s + m.seats, 0);
      const pledged = demo.pledges
        .filter((p) => p.destinationId === d.id)
        .reduce((s, p) => s + p.persons, 0);
      expect(seats).toBeGreaterThanOrEqual(pledged);
    }
  });

  it('gives ground-transfer capacity on every movement day', () => {
    const days = generateDemoGroundCapacity(movements).map((g) => g.day);
    for (const m of movements) expect(days).toContain(m.departAt.slice(0, 10));
  });
});

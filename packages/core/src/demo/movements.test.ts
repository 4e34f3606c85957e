import { describe, expect, it } from 'vitest';
import { MovementSchema } from '../schemas.js';
import { addSeatNeeds, seatNeedsOf, specialSeatKinds } from '../special-seats.js';
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

  it('fits the main state’s charters with the special places its residents need, half as many again', () => {
    const fitted = generateDemoMovements(demo.destinations, demo.pledges, demo);
    const needsOf = (id: string) => demo.needs.filter((n) => n.personId === id);
    const demand = addSeatNeeds(
      demo.persons.map((p) => seatNeedsOf({ needs: needsOf(p.id), birthYear: p.birthYear }, 2027)),
    );
    const last = fitted.at(-1)!;
    const charters = fitted.filter((m) => m.destinationId === last.destinationId);
    expect(charters.length).toBeGreaterThan(10);
    for (const m of fitted)
      if (m.destinationId !== last.destinationId) expect(m.specialSeats ?? null).toBeNull();
    for (const k of specialSeatKinds) {
      expect(demand[k] ?? 0).toBeGreaterThan(k === 'escort' || k === 'stretcher' ? 10 : 20);
      const places = charters.reduce((s, m) => s + (m.specialSeats?.[k] ?? 0), 0);
      const seats = charters.reduce((s, m) => s + m.seats, 0);
      // Each charter carries at least its share of the need, and every kind that is needed.
      expect(places / seats).toBeGreaterThanOrEqual((1.5 * demand[k]!) / demo.persons.length);
      for (const m of charters) expect(m.specialSeats![k]).toBeGreaterThan(0);
    }
    // Without the residents, no places are declared.
    expect(movements.every((m) => (m.specialSeats ?? null) === null)).toBe(true);
  });
});

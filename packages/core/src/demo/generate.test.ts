import { describe, expect, it } from 'vitest';
import { parseTd3 } from '../mrz.js';
import { HouseholdSchema, PersonSchema, DestinationSchema, PledgeSchema } from '../schemas.js';
import { generateDemo } from './generate.js';

describe('demo operation generator', () => {
  const demo = generateDemo();

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemo()).toEqual(demo);
    expect(generateDemo({ seed: 2 }).persons[0]).not.toEqual(demo.persons[0]);
  });

  it('has about 2,000 residents in households of realistic sizes, many single adults', () => {
    expect(demo.persons.length).toBeGreaterThanOrEqual(1900);
    expect(demo.persons.length).toBeLessThan(2100);
    const sizes = new Map<string, number>();
    for (const p of demo.persons) sizes.set(p.householdId, (sizes.get(p.householdId) ?? 0) + 1);
    const singles = [...sizes.values()].filter((s) => s === 1).length;
    expect(singles / sizes.size).toBeGreaterThan(0.2);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(8);
    expect(sizes.size).toBe(demo.households.length);
  });

  it('has ten destinations, one taking most people', () => {
    expect(demo.destinations).toHaveLength(10);
    const byDest = new Map<string, number>();
    for (const p of demo.pledges)
      byDest.set(p.destinationId, (byDest.get(p.destinationId) ?? 0) + p.persons);
    const total = [...byDest.values()].reduce((s, n) => s + n, 0);
    expect(Math.max(...byDest.values()) / total).toBeGreaterThan(0.5);
    expect(total).toBeGreaterThanOrEqual(demo.persons.length);
  });

  it('has about 8% of persons with serious medical needs, and linked cases', () => {
    const medical = new Set(demo.needs.filter((n) => n.code === 'SM').map((n) => n.personId)).size;
    expect(medical / demo.persons.length).toBeGreaterThan(0.05);
    expect(medical / demo.persons.length).toBeLessThan(0.11);
    expect(demo.links.length).toBeGreaterThan(0);
  });

  it('gives every travel document a valid ICAO 9303 machine-readable zone', () => {
    expect(demo.documents.length).toBeGreaterThan(1000);
    for (const d of demo.documents) {
      expect(d.mrz).not.toBeNull();
      expect(parseTd3(d.mrz![0], d.mrz![1]).problems).toEqual([]);
    }
  });

  it('spans a 4.5-year window', () => {
    expect(demo.operation.windowStart).toBe('2027-01-01');
    expect(demo.operation.windowEnd).toBe('2031-06-30');
  });

  it('produces records that pass the domain schemas, with unique ids', () => {
    for (const h of demo.households) HouseholdSchema.parse(h);
    for (const p of demo.persons) PersonSchema.parse(p);
    for (const d of demo.destinations) DestinationSchema.parse(d);
    for (const p of demo.pledges) PledgeSchema.parse(p);
    expect(new Set(demo.persons.map((p) => p.id)).size).toBe(demo.persons.length);
    expect(new Set(demo.households.map((h) => h.id)).size).toBe(demo.households.length);
  });

  it('scales to other sizes', () => {
    expect(generateDemo({ people: 300 }).persons.length).toBeGreaterThanOrEqual(300);
  });
});

import { describe, expect, it } from 'vitest';
import { exposureRisk, gammaVariate } from './exposure-risk.js';

const days = (n: number, mean: number, shape: number) =>
  Array.from({ length: n }, () => ({ mean, shape }));
/** Σ persons × mean hazard over the days before each departure (the plan's exposure). */
const deterministic = (d: { mean: number }[], leaving: { persons: number; day: number | null }[]) =>
  leaving.reduce(
    (s, l) => s + l.persons * d.slice(0, l.day ?? d.length).reduce((a, x) => a + x.mean, 0),
    0,
  );

describe('exposure under sampled hazard paths', () => {
  it('draws Gamma variates with the right mean and variance, for small and large shapes', () => {
    let seed = 7;
    const u = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (const k of [0.4, 1, 5]) {
      const xs = Array.from({ length: 20_000 }, () => gammaVariate(k, u));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
      expect(mean).toBeGreaterThan(k * 0.95);
      expect(mean).toBeLessThan(k * 1.05);
      expect(variance).toBeGreaterThan(k * 0.85);
      expect(variance).toBeLessThan(k * 1.15);
    }
  });

  it('matches the plan’s exposure when the hazard is certain, and is the same on every run', () => {
    const d = days(120, 0.02, 1e6);
    const leaving = [
      { persons: 5, day: 10 },
      { persons: 3, day: 100 },
      { persons: 2, day: null },
    ];
    const r = exposureRisk(d, leaving);
    const exact = deterministic(d, leaving);
    expect(r.expected).toBeCloseTo(exact, 1);
    expect(r.cvar90).toBeLessThan(exact * 1.01);
    expect(exposureRisk(d, leaving)).toEqual(r);
  });

  it('is unbiased under uncertainty, with a tail above the mean', () => {
    const d = days(300, 0.05, 0.5);
    const leaving = [
      { persons: 40, day: 90 },
      { persons: 10, day: 250 },
    ];
    const r = exposureRisk(d, leaving, { samples: 4000, blockDays: 30, seed: 3 });
    const exact = deterministic(d, leaving);
    expect(Math.abs(r.expected - exact) / exact).toBeLessThan(0.05);
    expect(r.cvar90).toBeGreaterThan(r.p90);
    expect(r.p90).toBeGreaterThan(r.expected);
  });

  it('tells apart two plans with the same expected exposure: the one waiting through the uncertain month has the worse tail', () => {
    // Days 0–29 are well known, days 30–59 are not; both plans expect 600 × mean.
    const d = [...days(30, 0.02, 500), ...days(30, 0.02, 0.3)];
    const early = [{ persons: 20, day: 30 }];
    const late = [{ persons: 10, day: 60 }];
    expect(deterministic(d, early)).toBeCloseTo(deterministic(d, late), 9);
    const a = exposureRisk(d, early, { samples: 2000, blockDays: 30, seed: 5 });
    const b = exposureRisk(d, late, { samples: 2000, blockDays: 30, seed: 5 });
    expect(b.cvar90).toBeGreaterThan(a.cvar90 * 1.5);
  });
});

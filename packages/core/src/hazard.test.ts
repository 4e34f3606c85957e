import { describe, expect, it } from 'vitest';
import { estimateHazard, gammaP, gammaQuantile, incidentWeight } from './hazard.js';

describe('hazard model', () => {
  it('computes the regularised incomplete gamma and its quantiles', () => {
    expect(gammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(gammaP(3, 2)).toBeCloseTo(0.3233235838, 8);
    // Chi-square with 4 degrees of freedom (Gamma(2, 1/2)): 90% quantile 7.779.
    expect(gammaQuantile(0.9, 2, 0.5)).toBeCloseTo(7.7794, 3);
    // Exponential: quantile −ln(1 − p) / rate.
    expect(gammaQuantile(0.9, 1, 4)).toBeCloseTo(Math.log(10) / 4, 8);
  });

  it('weighs incidents by casualties and confidence', () => {
    expect(
      incidentWeight({ day: '2030-01-01', injured: 0, killed: 0, confidence: 'verified' }),
    ).toBe(1);
    expect(
      incidentWeight({ day: '2030-01-01', injured: 5, killed: 2, confidence: 'credible' }),
    ).toBeCloseTo(3 * 0.8, 10);
    expect(
      incidentWeight({ day: '2030-01-01', injured: 100, killed: 50, confidence: 'verified' }),
    ).toBe(5);
  });

  it('starts at the prior, falls on quiet days, rises after attacks, and forgets them', () => {
    const quiet = estimateHazard([], '2030-01-01', '2030-03-01');
    expect(quiet[0]!.mean).toBeCloseTo(0.02, 10);
    expect(quiet.at(-1)!.mean).toBeLessThan(0.02);
    expect(quiet.at(-1)!.mean).toBeGreaterThan(0.005);
    expect(quiet[0]!.upper90).toBeGreaterThan(quiet[0]!.mean);
    const attacks = ['2030-01-10', '2030-01-11', '2030-01-12'].map((day) => ({
      day,
      injured: 3,
      killed: 1,
      confidence: 'verified' as const,
    }));
    const h = estimateHazard(attacks, '2030-01-01', '2030-06-30');
    const on = (day: string) => h.find((d) => d.day === day)!;
    expect(on('2030-01-10').mean).toBeLessThan(0.02);
    expect(on('2030-01-13').mean).toBeGreaterThan(0.05);
    expect(on('2030-03-13').mean).toBeLessThan(on('2030-01-13').mean / 2);
    expect(on('2030-06-30').mean).toBeLessThan(0.03);
    expect(on('2030-01-11').observed).toBeCloseTo(2.1, 10);
  });
});

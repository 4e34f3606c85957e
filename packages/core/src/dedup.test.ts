import { describe, expect, it } from 'vitest';
import { jaroWinkler, normalizeName, similarNamePairs } from './dedup.js';

const subject = (
  personId: string,
  householdId: string,
  fullName: string,
  birthYear = 1980,
  householdSize = 1,
) => ({
  personId,
  householdId,
  fullName,
  birthYear,
  householdSize,
});

describe('duplicate rules', () => {
  it('normalises accents, case and word order', () => {
    expect(normalizeName('  Dílan  KARZADEH ')).toBe(normalizeName('karzadeh dilan'));
  });

  it('scores known Jaro-Winkler pairs', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('pairs a misspelt second registration with the same birth year and household size', () => {
    const pairs = similarNamePairs([
      subject('P1', 'H1', 'Samira Torzadeh'),
      subject('P2', 'H2', 'Samria Torzadeh'),
    ]);
    expect(pairs).toEqual([{ a: 'P1', b: 'P2', rule: 'similar-name', score: expect.any(Number) }]);
  });

  it('does not pair different birth years, household sizes or members of one household', () => {
    expect(
      similarNamePairs([
        subject('P1', 'H1', 'Samira Torzadeh'),
        subject('P2', 'H2', 'Samira Torzadeh', 1981),
      ]),
    ).toEqual([]);
    expect(
      similarNamePairs([
        subject('P1', 'H1', 'Samira Torzadeh'),
        subject('P2', 'H2', 'Samira Torzadeh', 1980, 2),
      ]),
    ).toEqual([]);
    expect(
      similarNamePairs([
        subject('P1', 'H1', 'Samira Torzadeh'),
        subject('P2', 'H1', 'Samira Torzadeh'),
      ]),
    ).toEqual([]);
  });

  it('does not pair clearly different names', () => {
    expect(
      similarNamePairs([
        subject('P1', 'H1', 'Samira Torzadeh'),
        subject('P2', 'H2', 'Karim Dalavi'),
      ]),
    ).toEqual([]);
  });
});

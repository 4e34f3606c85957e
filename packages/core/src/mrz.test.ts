import { describe, expect, it } from 'vitest';
import { buildTd3, checkDigit, parseTd3 } from './mrz.js';

// The specimen passport of ICAO Doc 9303 part 4 (issuer "Utopia").
const specimen: [string, string] = [
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
];

describe('ICAO 9303 TD3', () => {
  it('computes check digits with weights 7, 3, 1', () => {
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('740812')).toBe('2');
    expect(checkDigit('120415')).toBe('9');
  });

  it('accepts the ICAO specimen and reads its fields', () => {
    const { fields, problems } = parseTd3(...specimen);
    expect(problems).toEqual([]);
    expect(fields.surname).toBe('ERIKSSON');
    expect(fields.givenNames).toBe('ANNA MARIA');
    expect(fields.number).toBe('L898902C3');
    expect(fields.nationality).toBe('UTO');
  });

  it('names the field whose check digit is wrong', () => {
    const broken = specimen[1].slice(0, 9) + '7' + specimen[1].slice(10);
    const { problems } = parseTd3(specimen[0], broken);
    expect(problems.map((p) => p.field)).toContain('document number');
  });

  it('rejects lines of the wrong length', () => {
    expect(parseTd3('P<UTO', specimen[1]).problems[0]?.field).toBe('line 1');
  });

  it('builds zones that parse back without problems', () => {
    const [l1, l2] = buildTd3({
      documentCode: 'P',
      issuer: 'XXB',
      surname: 'Nasrani-Pour',
      givenNames: 'Leyla Dunya',
      number: 'AB1234567',
      nationality: 'XXB',
      birthDate: '1988-02-29',
      sex: 'F',
      expiryDate: '2031-05-01',
      personalNumber: '',
    });
    expect(l1).toHaveLength(44);
    expect(l2).toHaveLength(44);
    const parsed = parseTd3(l1, l2);
    expect(parsed.problems).toEqual([]);
    expect(parsed.fields.surname).toBe('NASRANI POUR');
    expect(parsed.fields.birthDate).toBe('880229');
  });
});

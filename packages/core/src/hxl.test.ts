import { describe, expect, it } from 'vitest';
import { fieldForHeader, fieldForHxl } from './import-columns.js';
import { isHxlRow, normalizeHxlTag } from './hxl.js';

describe('HXL hashtags', () => {
  it('compares hashtags whatever the order and case of their attributes', () => {
    expect(normalizeHxlTag('#Affected +ID+hh')).toBe('#affected+hh+id');
    expect(fieldForHxl('#affected+id+hh')).toBe('household_id');
    expect(fieldForHxl('#country+code')).toBe('origin_country');
    expect(fieldForHxl('#date+birth')).toBe('birth_date');
    expect(fieldForHxl('#affected+ind+name')).toBe('full_name');
    expect(fieldForHxl('#sector')).toBeUndefined();
  });

  it('finds the hashtag row and reads header synonyms', () => {
    expect(isHxlRow(['#affected+hh+id', '', '#date+birth'])).toBe(true);
    expect(isHxlRow(['household_id', '#date+birth'])).toBe(false);
    expect(isHxlRow(['', ''])).toBe(false);
    expect(fieldForHeader('Case ID')).toBe('household_id');
    expect(fieldForHeader('hh_id')).toBe('household_id');
    expect(fieldForHeader('Date of birth')).toBe('birth_date');
    expect(fieldForHeader('\uFEFFhousehold_id')).toBe('household_id');
  });
});

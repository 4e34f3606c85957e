import { describe, expect, it } from 'vitest';
import { withoutConsentLines } from './without-consent.js';

describe('the planning line for cases left out for registration consent', () => {
  it('names the cases, says nothing when none was left out, and points to --json past twenty', () => {
    expect(withoutConsentLines({ withoutConsent: 0, withoutConsentCases: [] })).toEqual([]);
    expect(
      withoutConsentLines({ withoutConsent: 2, withoutConsentCases: ['C-0004', 'C-0107'] }),
    ).toEqual([
      'left out: 2 cases with a member who refused or withdrew registration consent (C-0004, C-0107)',
    ]);
    const many = Array.from({ length: 23 }, (_, i) => `C-${String(i).padStart(4, '0')}`);
    const [line] = withoutConsentLines({ withoutConsent: 23, withoutConsentCases: many });
    expect(line).toContain('C-0019, … (use --json)');
    expect(line).not.toContain('C-0020');
  });
});

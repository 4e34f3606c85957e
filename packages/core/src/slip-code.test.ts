import { describe, expect, it } from 'vitest';
import { parseSlipCode, slipCode } from './slip-code.js';

describe('slip codes', () => {
  it('round-trips a movement and a person', () => {
    const code = slipCode('M-003', 'P-00017');
    expect(code).toBe('CORRIDOR-SLIP:M-003:P-00017');
    expect(parseSlipCode(code)).toEqual({ movementId: 'M-003', personId: 'P-00017' });
    expect(parseSlipCode(`  ${code}\r\n`)).toEqual({ movementId: 'M-003', personId: 'P-00017' });
  });

  it('refuses anything else a scanner may read', () => {
    for (const text of [
      '',
      'P-00017',
      'https://example.org/CORRIDOR-SLIP:M-1:P-1',
      'CORRIDOR-SLIP:M-1',
      'CORRIDOR-SLIP:M-1:P-1:extra',
      'CORRIDOR-SLIP::P-1',
      'CORRIDOR-SLIP:M 1:P-1',
      `CORRIDOR-SLIP:M-1:${'x'.repeat(65)}`,
    ])
      expect(parseSlipCode(text), text).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { prefersAsync } from './prefer.js';

describe('prefersAsync', () => {
  it('finds respond-async among preferences, whatever the case, spacing and parameters', () => {
    for (const header of [
      'respond-async',
      'Respond-Async',
      'wait=10, respond-async',
      'return=minimal,respond-async; foo=bar',
      ['handling=lenient', ' respond-async '],
    ])
      expect(prefersAsync(header), String(header)).toBe(true);
  });

  it('ignores other preferences and a missing header', () => {
    for (const header of [
      undefined,
      '',
      'wait=10',
      'respond-asynchronously',
      'x=respond-async',
      [],
    ])
      expect(prefersAsync(header), String(header)).toBe(false);
  });
});

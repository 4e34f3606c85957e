import { describe, expect, it } from 'vitest';
import { checkMove } from './move-check.js';

const target = (persons: number, status = 'planned') => ({
  id: 'M-1',
  destinationId: 'AAA',
  status,
  load: { persons, seats: 10, kg: persons * 20, baggageKg: 200, kgEstimated: true },
});

describe('moving a case to another movement', () => {
  it('passes when the destination matches and seats and baggage are left', () => {
    const f = checkMove({ persons: 3, destinationId: 'AAA', onTarget: false }, target(7));
    expect(f.every((x) => x.ok)).toBe(true);
  });

  it('blocks too many people, another destination and a departed movement', () => {
    expect(
      checkMove({ persons: 4, destinationId: 'AAA', onTarget: false }, target(7)).map((x) => x.ok),
    ).toEqual([true, true, false, false]);
    expect(checkMove({ persons: 1, destinationId: 'BBB', onTarget: false }, target(0))[1]!.ok).toBe(
      false,
    );
    expect(
      checkMove({ persons: 1, destinationId: 'AAA', onTarget: false }, target(0, 'departed'))[0]!
        .ok,
    ).toBe(false);
  });

  it('blocks a case that has left or is not verified, when its status is known', () => {
    for (const [status, ok] of [
      ['departed', false],
      ['registered', false],
      ['withdrawn', false],
      ['scheduled', true],
    ] as const) {
      const f = checkMove({ persons: 1, destinationId: 'AAA', onTarget: false, status }, target(0));
      expect(f[0]!.text).toBe(`the case is ${status}`);
      expect(f[0]!.ok, status).toBe(ok);
    }
  });

  it('counts no new seats for a case already on the movement', () => {
    expect(
      checkMove({ persons: 4, destinationId: 'AAA', onTarget: true }, target(10)).every(
        (x) => x.ok,
      ),
    ).toBe(true);
  });
});

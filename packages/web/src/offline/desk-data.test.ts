import { describe, expect, it } from 'vitest';
import type { MovementRow } from '../lib/types.js';
import { movementsToKeep } from './desk-data.js';

const buildMovement = (id: string, departAt: string, status = 'planned') =>
  ({ id, departAt, status }) as MovementRow;

describe('the movements a desk keeps on the device', () => {
  it('keeps today and the next two days, and the one open, never a cancelled one', () => {
    const now = new Date('2026-12-07T06:00:00Z');
    const list = [
      buildMovement('M-001', '2026-12-06T09:00:00+03:00'),
      buildMovement('M-002', '2026-12-07T09:00:00+03:00'),
      buildMovement('M-003', '2026-12-09T22:00:00+03:00'),
      buildMovement('M-004', '2026-12-10T09:00:00+03:00'),
      buildMovement('M-005', '2026-12-08T09:00:00+03:00', 'cancelled'),
      buildMovement('M-006', '2027-01-20T09:00:00+03:00'),
    ];
    expect(movementsToKeep(list, null, now).map((m) => m.id)).toEqual(['M-002', 'M-003']);
    expect(movementsToKeep(list, 'M-006', now).map((m) => m.id)).toEqual([
      'M-002',
      'M-003',
      'M-006',
    ]);
  });
});

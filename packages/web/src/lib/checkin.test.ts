import { describe, expect, it } from 'vitest';
import { checkinCounts, checkinRows, nameOf, type CheckinRow } from './checkin.js';

const row = (personId: string, status: CheckinRow['status'], name: string | null = null) => ({
  movementId: 'M-1',
  personId,
  householdId: 'C-1',
  isHead: false,
  status,
  station: null,
  at: null,
  name,
});

describe('check-in rows and counts', () => {
  it('reads a bare list or a list inside an object', () => {
    expect(checkinRows([row('P-1', 'booked')])).toHaveLength(1);
    expect(checkinRows({ persons: [row('P-1', 'booked'), row('P-2', 'boarded')] })).toHaveLength(2);
    expect(checkinRows({ counts: {} })).toEqual([]);
    expect(checkinRows(null)).toEqual([]);
  });

  it('counts each status and the people still pending', () => {
    const counts = checkinCounts([
      row('P-1', 'booked'),
      row('P-2', 'checked-in'),
      row('P-3', 'boarded'),
      row('P-4', 'boarded'),
      row('P-5', 'no-show'),
      row('P-6', 'conflict'),
    ]);
    expect(counts).toEqual({
      booked: 6,
      pending: 1,
      conflict: 1,
      'checked-in': 1,
      boarded: 2,
      'no-show': 1,
      arrived: 0,
    });
  });

  it('names a person only from what the server sent', () => {
    expect(nameOf(row('P-1', 'booked', 'Ana Ruiz'))).toBe('Ana Ruiz');
    expect(nameOf(row('P-1', 'booked'))).toBeNull();
  });
});

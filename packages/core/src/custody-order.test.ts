import { describe, expect, it } from 'vitest';
import { custodyBatchProblems, type CustodyHead } from './custody.js';

const at = (h: number) => `2031-06-30T${String(h).padStart(2, '0')}:00:00+03:00`;
const heads = new Map<string, CustodyHead>([
  ['B-1', { kind: 'returned', at: new Date(at(9)).toISOString() }],
  ['B-2', { kind: 'packed', at: new Date(at(5)).toISOString() }],
  ['B-3', { kind: null, at: null }],
]);

describe('custodyBatchProblems', () => {
  it('names out-of-order, early and unknown-item events', () => {
    const problems = custodyBatchProblems(heads, [
      { itemId: 'B-2', kind: 'returned', at: at(6) },
      { itemId: 'B-2', kind: 'arrived', at: at(4) },
      { itemId: 'B-404', kind: 'packed', at: at(7) },
    ]).join('; ');
    expect(problems).toMatch(
      /#1 \(B-2\): kind returned cannot come after packed.*#2 \(B-2\): at .* is before.*#3 \(B-404\): itemId B-404 is not a recorded belonging/,
    );
  });

  it('follows a batch event by event, and a final state stays final', () => {
    expect(
      custodyBatchProblems(heads, [
        { itemId: 'B-3', kind: 'packed', at: at(5) },
        { itemId: 'B-3', kind: 'handed-over', at: at(6) },
        { itemId: 'B-1', kind: 'arrived', at: at(20) },
      ]),
    ).toEqual([]);
    expect(
      custodyBatchProblems(heads, [
        { itemId: 'B-1', kind: 'arrived', at: at(20) },
        { itemId: 'B-1', kind: 'packed', at: at(21) },
      ]),
    ).toEqual(['custody event #2 (B-1): kind packed cannot come after arrived: arrived is final']);
    expect(heads.get('B-1')?.kind).toBe('returned');
  });
});

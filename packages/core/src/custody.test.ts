import { describe, expect, it } from 'vitest';
import {
  CustodyEventInputSchema,
  custodyKinds,
  custodyNext,
  custodyOrderProblem,
  type CustodyKind,
} from './custody.js';

describe('the custody state machine', () => {
  it('allows the usual paths and refuses returning what nobody took', () => {
    const walk = (kinds: CustodyKind[]) =>
      kinds.map((k, i) => custodyOrderProblem(i === 0 ? null : kinds[i - 1]!, k));
    expect(walk(['packed', 'confiscated', 'returned', 'packed', 'arrived'])).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(walk(['packed', 'handed-over', 'handed-over', 'returned'])).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(custodyOrderProblem(null, 'returned')).toMatch(
      /returned cannot come as the first event/,
    );
    expect(custodyOrderProblem('packed', 'returned')).toMatch(
      /allowed: handed-over, confiscated, lost, arrived/,
    );
    expect(custodyOrderProblem('confiscated', 'arrived')).not.toBeNull();
    expect(custodyOrderProblem('lost', 'returned')).toBeNull();
  });

  it('makes arrived final and lets nothing but a return follow a loss', () => {
    for (const k of custodyKinds) {
      expect(custodyOrderProblem('arrived', k)).toMatch(/arrived is final/);
      expect(custodyOrderProblem('lost', k) === null).toBe(k === 'returned');
    }
    expect(Object.keys(custodyNext).sort()).toEqual([...custodyKinds, 'none'].sort());
  });

  it('requires the counterpart of a hand-over and of a confiscation', () => {
    const at = '2031-06-30T05:00:00+03:00';
    const issues = (e: object) =>
      CustodyEventInputSchema.safeParse({ itemId: 'B-1', at, ...e }).error?.issues.map((i) =>
        i.path.join('.'),
      );
    expect(issues({ kind: 'handed-over' })).toEqual(['to']);
    expect(issues({ kind: 'confiscated', witness: 'w' })).toEqual(['by']);
    expect(issues({ kind: 'confiscated', by: 'guard' })).toBeUndefined();
    expect(issues({ kind: 'packed', at: '2031-06-30 05:00' })).toEqual(['at']);
  });
});

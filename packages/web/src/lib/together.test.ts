import { describe, expect, it } from 'vitest';
import { caseMatesApart, togetherVerdict, type DeskPerson } from './together.js';

const buildPerson = (personId: string, householdId: string, status = 'booked'): DeskPerson => ({
  personId,
  householdId,
  status,
});

const desk = [
  buildPerson('P-1', 'C-1'),
  buildPerson('P-2', 'C-1', 'checked-in'),
  buildPerson('P-3', 'C-1', 'no-show'),
  buildPerson('P-4', 'C-2'),
];

describe('a household at the desk', () => {
  it('has apart the other members of the case not checked in or boarded', () => {
    expect(caseMatesApart(desk, 'P-1').map((p) => p.personId)).toEqual(['P-3']);
    expect(caseMatesApart(desk, 'P-2').map((p) => p.personId)).toEqual(['P-1', 'P-3']);
    expect(caseMatesApart(desk, 'P-4')).toEqual([]);
    expect(caseMatesApart(desk, 'P-9')).toEqual([]);
  });

  it('may not board apart: boarding is refused, checking in warns, a no-show is recorded', () => {
    expect(togetherVerdict(desk, 'P-1', 'boarded')).toMatchObject({
      kind: 'refuse',
      householdId: 'C-1',
    });
    expect(togetherVerdict(desk, 'P-1', 'checked-in')).toMatchObject({ kind: 'warn' });
    expect(togetherVerdict(desk, 'P-1', 'no-show')).toEqual({ kind: 'ok' });
    expect(togetherVerdict(desk, 'P-4', 'boarded')).toEqual({ kind: 'ok' });
  });

  it('boards once every member is checked in or boarded', () => {
    const together = desk.map((p) =>
      p.householdId === 'C-1' ? { ...p, status: 'checked-in' } : p,
    );
    expect(togetherVerdict(together, 'P-1', 'boarded')).toEqual({ kind: 'ok' });
    together[1] = { ...together[1]!, status: 'boarded' };
    expect(togetherVerdict(together, 'P-3', 'boarded')).toEqual({ kind: 'ok' });
  });
});

import { describe, expect, it } from 'vitest';
import { missingConsents, refusedConsents, type ConsentRecord } from './consent.js';

const record = (personId: string, decision: ConsentRecord['decision'], recordedAt: string) => ({
  id: `${personId}-${recordedAt}`,
  personId,
  householdId: 'C-0001',
  purpose: 'registration' as const,
  state: null,
  decision,
  date: recordedAt.slice(0, 10),
  actor: 'test',
  recordedAt,
  note: null,
});

describe('refusedConsents', () => {
  const persons = ['P-1', 'P-2', 'P-3', 'P-4'].map((personId) => ({
    personId,
    householdId: 'C-0001',
  }));
  const records = [
    record('P-1', 'given', '2027-01-01T00:00:00Z'),
    record('P-2', 'given', '2027-01-01T00:00:00Z'),
    record('P-2', 'withdrawn', '2027-02-01T00:00:00Z'),
    record('P-3', 'refused', '2027-01-01T00:00:00Z'),
    record('P-3', 'given', '2027-03-01T00:00:00Z'),
  ];

  it('names only the persons whose latest record refuses or withdraws, not those never asked', () => {
    expect(refusedConsents(persons, records, 'registration')).toEqual([
      {
        personId: 'P-2',
        householdId: 'C-0001',
        purpose: 'registration',
        state: null,
        decision: 'withdrawn',
      },
    ]);
    // missingConsents counts the never-asked P-4 too: the two checks differ only there.
    expect(missingConsents(persons, records, 'registration').map((m) => m.personId)).toEqual([
      'P-2',
      'P-4',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  checkinKey,
  foldCheckins,
  householdSteps,
  householdTarget,
  supersedesFor,
  type CheckinEvent,
  type CheckinStatus,
} from './checkin.js';

let clock = 0;
const event = (
  station: string,
  seq: number,
  status: CheckinStatus,
  supersedes: Record<string, number> | null = null,
  personId = 'P-1',
): CheckinEvent => ({
  station,
  seq,
  movementId: 'M-1',
  personId,
  status,
  at: new Date(Date.UTC(2031, 5, 30, 5, clock++)).toISOString(),
  actor: 'x',
  role: 'movement-officer',
  note: null,
  supersedes,
});
const state = (events: CheckinEvent[]) => foldCheckins(events).get(checkinKey('M-1', 'P-1'))!;

describe('check-in logs', () => {
  it('agrees when stations agree on presence, taking the most advanced status', () => {
    expect(state([event('a', 1, 'checked-in'), event('b', 1, 'boarded')]).status).toBe('boarded');
    expect(state([event('a', 1, 'no-show'), event('a', 2, 'checked-in')]).status).toBe(
      'checked-in',
    );
    expect(state([event('a', 1, 'no-show'), event('b', 1, 'no-show')]).status).toBe('no-show');
  });

  it('is the same whatever order the records arrive in', () => {
    const events = [
      event('a', 1, 'checked-in'),
      event('a', 2, 'boarded'),
      event('b', 1, 'no-show'),
      event('b', 2, 'checked-in'),
    ];
    const forward = state(events);
    const backward = state([...events].reverse());
    expect(backward).toEqual(forward);
    expect(forward.status).toBe('boarded');
  });

  it('makes a conflict of boarded against no-show and lets a decision settle it', () => {
    const split = [event('a', 1, 'boarded'), event('b', 4, 'no-show')];
    const open = state(split);
    expect(open.status).toBeNull();
    expect(open.conflict?.map((e) => e.station)).toEqual(['a', 'b']);
    const decision = event('c', 1, 'boarded', supersedesFor(open));
    expect(decision.supersedes).toEqual({ a: 1, b: 4 });
    expect(state([...split, decision]).status).toBe('boarded');
    // A later record of a settled station counts again.
    expect(state([...split, decision, event('b', 5, 'no-show')]).status).toBeNull();
  });

  it('moves households along the day-of-travel workflow', () => {
    expect(householdTarget(['checked-in', undefined])).toBe('checked-in');
    expect(householdTarget(['boarded', 'boarded'])).toBe('departed');
    expect(householdTarget(['arrived', 'boarded'])).toBe('departed');
    expect(householdTarget(['arrived', 'arrived'])).toBe('arrived');
    expect(householdTarget(['no-show', 'no-show'])).toBe('scheduled');
    expect(householdTarget(['boarded', 'no-show'])).toBe('checked-in');
    expect(householdTarget([undefined, null])).toBeUndefined();
    expect(householdSteps('scheduled', 'departed')).toEqual(['checked-in', 'departed']);
    expect(householdSteps('checked-in', 'scheduled')).toEqual(['scheduled']);
    expect(householdSteps('verified', 'checked-in')).toEqual([]);
    expect(householdSteps('departed', 'checked-in')).toEqual([]);
  });
});

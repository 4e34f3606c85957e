import { describe, expect, it } from 'vitest';
import { roles } from './roles.js';
import { caseStatuses, checkTransition, nextStatuses, transitions } from './workflow.js';

describe('case workflow', () => {
  it('walks the main line with the roles SPEC names', () => {
    const steps: [string, string, string][] = [
      ['registered', 'verified', 'registrar'],
      ['verified', 'referred', 'planner'],
      ['referred', 'accepted', 'planner'],
      ['accepted', 'exit-cleared', 'protection-officer'],
      ['exit-cleared', 'scheduled', 'movement-officer'],
      ['scheduled', 'checked-in', 'movement-officer'],
      ['checked-in', 'departed', 'movement-officer'],
      ['departed', 'arrived', 'movement-officer'],
    ];
    for (const [from, to, role] of steps) {
      expect(checkTransition(from as never, to as never, role as never)).toBeUndefined();
    }
  });

  it('refuses skipped steps and names what is allowed', () => {
    const refusal = checkTransition('registered', 'scheduled', 'admin');
    expect(refusal?.kind).toBe('not-allowed');
    expect(refusal && 'allowed' in refusal ? refusal.allowed : []).toContain('verified');
  });

  it('refuses a role that may not make the move', () => {
    expect(checkTransition('registered', 'verified', 'planner')).toEqual({
      kind: 'role',
      roles: ['registrar', 'admin'],
    });
  });

  it('never lets the auditor change anything', () => {
    for (const t of transitions) expect(t.roles).not.toContain('auditor');
  });

  it('sends a held case back only to where it was', () => {
    expect(checkTransition('on-hold', 'verified', 'registrar', 'verified')).toBeUndefined();
    expect(checkTransition('on-hold', 'accepted', 'registrar', 'verified')).toEqual({
      kind: 'must-resume',
      to: 'verified',
    });
  });

  it('does not let departed or arrived cases be withdrawn', () => {
    expect(nextStatuses('departed')).not.toContain('withdrawn');
    expect(nextStatuses('arrived')).toEqual([]);
  });

  it('only uses known statuses and roles', () => {
    for (const t of transitions) {
      expect(caseStatuses).toContain(t.from);
      expect(caseStatuses).toContain(t.to);
      for (const r of t.roles) expect(roles).toContain(r);
    }
  });
});

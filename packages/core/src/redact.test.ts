import { describe, expect, it } from 'vitest';
import {
  fieldPolicy,
  hiddenFields,
  maySee,
  personFields,
  redactNote,
  redactPerson,
} from './redact.js';
import { roles } from './roles.js';

const person = {
  id: 'P-1',
  sex: 'F',
  birthYear: 1990,
  pii: {
    givenName: 'Leila',
    familyName: 'Karimi',
    birthDate: '1990-04-02' as never,
    phone: '+964 770 000 0000',
    protectionNote: 'threatened by a relative',
  },
  needs: [
    { code: 'SM' as const, severity: 3 },
    { code: 'SV' as const, severity: 2 },
  ],
  documents: [{ id: 'D-1', number: 'X1234567', mrz: ['P<XXA', 'X1234567'] as [string, string] }],
};

describe('the field policy', () => {
  it('names a rule for every field and every role it uses', () => {
    expect(Object.keys(fieldPolicy).sort()).toEqual([...personFields].sort());
    for (const allowed of Object.values(fieldPolicy))
      expect(allowed.every((r) => (roles as readonly string[]).includes(r))).toBe(true);
  });

  it('shows registrars and protection officers everything', () => {
    for (const role of ['registrar', 'protection-officer'] as const) {
      expect(redactPerson(person, role)).toEqual(person);
      expect(hiddenFields(role)).toEqual([]);
    }
  });

  it('gives a movement officer what boarding needs and nothing more', () => {
    const seen = redactPerson(person, 'movement-officer');
    expect(seen.pii).toEqual({ givenName: 'Leila', familyName: 'Karimi' });
    // The document number, not the MRZ: its second line holds the date of birth, hidden here.
    expect(seen.documents[0]).toEqual({ ...person.documents[0], mrz: null });
    expect([seen.sex, seen.birthYear]).toEqual(['F', 1990]);
    expect(seen.needs.map((n) => n.code)).toEqual(['SM']);
  });

  it('shows the MRZ only to roles that may see the birth date it holds', () => {
    for (const role of roles)
      if (maySee(role, 'mrz')) expect(maySee(role, 'birthDate'), role).toBe(true);
  });

  it('hides document data and protection detail from planners', () => {
    const seen = redactPerson(person, 'planner');
    expect(seen.pii).toEqual({
      givenName: 'Leila',
      familyName: 'Karimi',
      birthDate: '1990-04-02',
      phone: '+964 770 000 0000',
    });
    expect(seen.documents[0]).toEqual({ id: 'D-1', number: null, mrz: null });
    expect(seen.needs.map((n) => n.code)).toEqual(['SM']);
  });

  it('shows an auditor no personal data at all', () => {
    const seen = redactPerson(person, 'auditor');
    expect(seen).toEqual({
      id: 'P-1',
      sex: null,
      birthYear: null,
      pii: null,
      needs: [],
      documents: [{ id: 'D-1', number: null, mrz: null }],
    });
    expect(JSON.stringify(seen)).not.toMatch(/Leila|Karimi|X1234567|relative/);
    expect(redactNote('moved after a call from Leila', 'auditor')).toBeNull();
    expect(hiddenFields('auditor')).toEqual(personFields);
  });

  it('keeps an erased person erased for every role', () => {
    for (const role of roles) expect(redactPerson({ ...person, pii: null }, role).pii).toBeNull();
  });
});

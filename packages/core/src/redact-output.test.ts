import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  hasPersonalFields,
  personal,
  personalGroup,
  personalItems,
  redactOutput,
} from './redact-output.js';

const Member = z.object({
  id: z.string(),
  name: personal('name', z.string()),
  birthDate: personal('birthDate', z.string()).optional(),
  documents: z.array(
    z.object({ number: personal('documentNumber', z.string()), kind: z.string() }),
  ),
});
const Case = z.object({ id: z.string(), members: z.array(Member), note: z.string().nullable() });

const value = {
  id: 'C-1',
  note: 'plain',
  members: [
    {
      id: 'P-1',
      name: 'Amal',
      birthDate: '1990-01-01',
      documents: [{ number: 'X1', kind: 'passport' }],
    },
    { id: 'P-2', name: 'Sami', documents: [] },
  ],
};

describe('redactOutput', () => {
  it('shows a registrar every tagged field', () => {
    expect(redactOutput(Case, value, 'registrar')).toEqual(value);
  });

  it('hides from an auditor every tagged field, at any depth, and keeps the rest', () => {
    const out = redactOutput(Case, value, 'auditor') as typeof value;
    expect(out.members[0]).toEqual({
      id: 'P-1',
      name: null,
      birthDate: null,
      documents: [{ number: null, kind: 'passport' }],
    });
    expect(out.members[1]).toEqual({ id: 'P-2', name: null, documents: [] });
    expect(out.note).toBe('plain');
    expect(JSON.stringify(out)).not.toMatch(/Amal|Sami|1990|X1/);
  });

  it('lets a movement officer see names and documents but not dates of birth', () => {
    const out = redactOutput(Case, value, 'movement-officer') as typeof value;
    expect(out.members[0]).toMatchObject({ name: 'Amal', birthDate: null });
    expect(out.members[0]!.documents[0]!.number).toBe('X1');
    // the output still parses: tagged fields are nullable
    expect(Case.safeParse(out).success).toBe(true);
  });

  it('walks unions and records, and knows which schemas hold personal data', () => {
    const U = z.union([
      z.object({ name: personal('name', z.string()) }),
      z.object({ n: z.number() }),
    ]);
    const R = z.record(z.string(), z.object({ phone: personal('phone', z.string()) }));
    expect(redactOutput(U, { name: 'Amal' }, 'auditor')).toEqual({ name: null });
    expect(redactOutput(R, { a: { phone: '+1' } }, 'auditor')).toEqual({ a: { phone: null } });
    expect(hasPersonalFields(Case)).toBe(true);
    expect(hasPersonalFields(z.object({ a: z.string() }))).toBe(false);
  });
});

describe('personal groups and lists', () => {
  const Pii = personalGroup({
    givenName: personal('name', z.string()).optional(),
    birthDate: personal('birthDate', z.string().nullable()).optional(),
    protectionNote: personal('protectionNote', z.string()).optional(),
  });
  const Need = z.object({ code: z.string(), severity: z.number() });
  const Person = z.object({
    pii: Pii,
    needs: personalItems((n) => (n.code === 'SM' ? 'assistanceNeeds' : 'protectionNeeds'), Need),
  });
  const person = {
    pii: { givenName: 'Amal', birthDate: null, protectionNote: 'threatened' },
    needs: [
      { code: 'SM', severity: 2 },
      { code: 'GBV', severity: 3 },
    ],
  };

  it('leaves hidden fields of a group out and keeps visible nulls', () => {
    expect(redactOutput(Person, person, 'planner')).toEqual({
      pii: { givenName: 'Amal', birthDate: null },
      needs: [{ code: 'SM', severity: 2 }],
    });
    const officer = redactOutput(Person, person, 'movement-officer') as typeof person;
    expect(Object.keys(officer.pii)).toEqual(['givenName']);
  });

  it('makes a group null when the role sees none of it, and drops every hidden item', () => {
    expect(redactOutput(Person, person, 'auditor')).toEqual({ pii: null, needs: [] });
    expect(redactOutput(Person, { ...person, pii: null }, 'registrar')).toEqual({
      ...person,
      pii: null,
    });
    expect(redactOutput(Person, person, 'registrar')).toEqual(person);
    expect(hasPersonalFields(z.object({ n: Person.shape.needs }))).toBe(true);
  });
});

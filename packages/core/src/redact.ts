/** Which personal data each role sees (M11, data minimisation): one table, applied by every presenter. */
import type { NeedCode } from './needs.js';
import type { Role } from './roles.js';
import type { PersonPii } from './schemas.js';

/** Classes of personal data a presenter may show or hide. */
export const personFields = [
  'name',
  'birthDate',
  'birthYear',
  'sex',
  'phone',
  'protectionNote',
  'documentNumber',
  'mrz',
  'assistanceNeeds',
  'protectionNeeds',
  'caseNotes',
  'incidentNarrative',
  'custodyDetail',
  'grievanceText',
] as const;
/** One class of personal data. */
export type PersonField = (typeof personFields)[number];

/** Needs that staff must know to help someone travel (boarding, seating, escort). */
export const assistanceNeedCodes: readonly NeedCode[] = ['SM', 'DS', 'ER', 'PG'];

const all: readonly Role[] = ['admin', 'registrar', 'protection-officer'];

/**
 * The field policy: who sees each field. Registrars and protection officers (and admins) see all;
 * movement officers see what boarding needs; planners see no document data or protection
 * detail; auditors see no personal data at all.
 */
export const fieldPolicy: Readonly<Record<PersonField, readonly Role[]>> = {
  name: [...all, 'planner', 'movement-officer'],
  birthDate: [...all, 'planner'],
  birthYear: [...all, 'planner', 'movement-officer'],
  sex: [...all, 'planner', 'movement-officer'],
  phone: [...all, 'planner'],
  protectionNote: all,
  documentNumber: [...all, 'movement-officer'],
  // Line 2 of the MRZ holds the full date of birth: only roles that may see the birth date.
  mrz: all,
  assistanceNeeds: [...all, 'planner', 'movement-officer'],
  protectionNeeds: all,
  caseNotes: [...all, 'planner', 'movement-officer'],
  // Incident narratives may name victims and witnesses: those who assess risk see them.
  incidentNarrative: [...all, 'planner'],
  // Belongings' descriptions and custody details (who took what, witness, receipt): those who handle them.
  custodyDetail: [...all, 'movement-officer'],
  // A complaint's or an appeal's words, and the answers: those who handle complaints.
  grievanceText: all,
};

/** True when `role` may see `field`. */
export function maySee(role: Role, field: PersonField): boolean {
  return fieldPolicy[field].includes(role);
}

/** The fields hidden from `role`, for presenters to say what was left out. */
export function hiddenFields(role: Role): PersonField[] {
  return personFields.filter((f) => !maySee(role, f));
}

/** What redaction needs to know of a person. */
export interface PersonDetails {
  sex: string;
  birthYear: number | null;
  pii: PersonPii | null;
  needs: { code: NeedCode; severity: number }[];
  documents: { number: string | null; mrz: [string, string] | null }[];
}

/** A person as one role sees them: hidden values are null or absent. */
export type RedactedPerson<T extends PersonDetails> = Omit<
  T,
  'sex' | 'birthYear' | 'pii' | 'documents'
> & {
  sex: string | null;
  birthYear: number | null;
  pii: Partial<PersonPii> | null;
  documents: (Omit<T['documents'][number], 'number' | 'mrz'> & {
    number: string | null;
    mrz: [string, string] | null;
  })[];
};

function redactPii(pii: PersonPii | null, role: Role): Partial<PersonPii> | null {
  if (!pii) return null;
  const out: Partial<PersonPii> = {};
  if (maySee(role, 'name'))
    Object.assign(out, { givenName: pii.givenName, familyName: pii.familyName });
  if (maySee(role, 'birthDate')) out.birthDate = pii.birthDate;
  if (maySee(role, 'phone') && pii.phone !== undefined) out.phone = pii.phone;
  if (maySee(role, 'phone') && pii.email !== undefined) out.email = pii.email;
  if (maySee(role, 'protectionNote') && pii.protectionNote !== undefined)
    out.protectionNote = pii.protectionNote;
  return Object.keys(out).length > 0 ? out : null;
}

/** Applies the field policy to one person: the only way a presenter shows personal data. */
export function redactPerson<T extends PersonDetails>(person: T, role: Role): RedactedPerson<T> {
  const needs = person.needs.filter((n) =>
    assistanceNeedCodes.includes(n.code)
      ? maySee(role, 'assistanceNeeds')
      : maySee(role, 'protectionNeeds'),
  );
  return {
    ...person,
    sex: maySee(role, 'sex') ? person.sex : null,
    birthYear: maySee(role, 'birthYear') ? person.birthYear : null,
    pii: redactPii(person.pii, role),
    needs,
    // The spread keeps each document's other fields; TypeScript cannot follow it through T.
    documents: person.documents.map((d) => ({
      ...d,
      number: maySee(role, 'documentNumber') ? d.number : null,
      mrz: maySee(role, 'mrz') ? d.mrz : null,
    })) as RedactedPerson<T>['documents'],
  };
}

/** A free-text note (history reason, review note) as `role` may see it. */
export function redactNote(note: string | null, role: Role): string | null {
  return maySee(role, 'caseNotes') ? note : null;
}

/** Words for people for the classes of personal data a role may not see (core's `personFields`). */
import type { PersonField } from '@corridor/core';

export const fieldLabels: Readonly<Record<PersonField, string>> = {
  name: 'names',
  birthDate: 'dates of birth',
  birthYear: 'years of birth',
  sex: 'sex',
  phone: 'phone numbers',
  protectionNote: 'protection notes',
  documentNumber: 'document numbers',
  mrz: 'machine-readable zones',
  assistanceNeeds: 'assistance needs',
  protectionNeeds: 'protection needs',
  caseNotes: 'case notes',
  incidentNarrative: 'incident narratives',
  custodyDetail: 'custody details',
  grievanceText: 'complaints and appeals',
};

/** "names, dates of birth, …" for a list of hidden fields (an unknown one is shown as sent). */
export function describeFields(fields: readonly string[]): string {
  return fields.map((f) => fieldLabels[f as PersonField] ?? f).join(', ');
}

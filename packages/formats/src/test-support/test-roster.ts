/**
 * Test data: a registration roster as another system would write it (its own column names, an
 * HXL hashtag row, day-first dates, household columns only on the head's row), built from the
 * synthetic demo, and a way to spoil chosen cells.
 */
import { generateDemo, type OperationData } from '@corridor/core';
import { csvCell } from '../csv-write.js';

/** The roster's columns: header names another system might use, and their HXL hashtags. */
export const rosterColumns = [
  ['case_id', '#affected+hh+id'],
  ['individual_id', '#affected+ind+id'],
  ['first_name', '#affected+ind+name+given'],
  ['surname', '#affected+ind+name+family'],
  ['gender', '#affected+ind+sex'],
  ['dob', '#date+birth'],
  ['hoh', '#affected+ind+head'],
  ['country_of_origin', '#country+code'],
  ['language', '#language+code'],
  ['specific_needs', '#affected+ind+needs'],
  ['doc_type', '#affected+doc+type'],
  ['passport_number', '#affected+doc+id'],
  ['issuing_country', '#country+code+issuer'],
  ['expiry_date', '#date+expiry'],
  ['mrz1', '#affected+doc+mrz+line1'],
  ['mrz2', '#affected+doc+mrz+line2'],
  ['phone', '#contact+phone'],
] as const;

/** A column of the roster. */
export type RosterColumn = (typeof rosterColumns)[number][0];

/** A roster: its rows as cells (header and HXL rows first) and what it holds. */
export interface Roster {
  lines: string[][];
  households: number;
  persons: number;
  documents: number;
  data: OperationData;
}

const dayFirst = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A roster of about `people` residents (demo generator, seed `seed`); row k+3 is person k. */
export function buildRoster(people: number, seed = 11): Roster {
  const data = generateDemo({ people, seed });
  const docs = new Map(data.documents.map((d) => [d.personId, d]));
  const needs = new Map<string, string[]>();
  for (const n of data.needs)
    needs.set(n.personId, [...(needs.get(n.personId) ?? []), `${n.code}:${n.severity}`]);
  const households = new Map(data.households.map((h) => [h.id, h]));
  const lines: string[][] = [rosterColumns.map((c) => c[0]), rosterColumns.map((c) => c[1])];
  for (const p of data.persons) {
    const h = households.get(p.householdId)!;
    const d = docs.get(p.id);
    const cells: Record<RosterColumn, string> = {
      case_id: p.householdId,
      individual_id: p.id,
      first_name: p.pii.givenName,
      surname: p.pii.familyName,
      gender: p.sex === 'F' ? 'female' : 'male',
      dob: p.pii.birthDate ? dayFirst(p.pii.birthDate) : '',
      hoh: p.isHead ? 'Y' : 'N',
      country_of_origin: p.isHead ? h.originCountry : '',
      language: p.isHead ? h.languages.join(' ') : '',
      specific_needs: (needs.get(p.id) ?? []).join(';'),
      doc_type: d?.type ?? '',
      passport_number: d?.number ?? '',
      issuing_country: d?.issuer ?? '',
      expiry_date: d?.expiry ? dayFirst(d.expiry) : '',
      mrz1: d?.mrz?.[0] ?? '',
      mrz2: d?.mrz?.[1] ?? '',
      phone: p.pii.phone ?? '',
    };
    lines.push(rosterColumns.map(([c]) => cells[c]));
  }
  return {
    lines,
    households: data.households.length,
    persons: data.persons.length,
    documents: data.documents.length,
    data,
  };
}

/** The column index of a roster column. */
export function rosterIndex(column: RosterColumn): number {
  return rosterColumns.findIndex(([c]) => c === column);
}

/** The roster as CSV text. */
export function rosterCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

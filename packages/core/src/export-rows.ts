/**
 * The registry as rows for files: persons (one row per person, household columns repeated so
 * each row stands alone), households, plans and timetables. Households stay whole: rows are
 * grouped by household, head first. What `personRows` writes, the importer reads back unchanged.
 */
import { assistanceNeedCodes } from './redact.js';
import {
  fieldSpec,
  importFieldSpecs,
  importOnlyColumns,
  type ImportField,
} from './import-columns.js';
import type { CaseLink, Household, Need, PersonPii, Preference, Tie } from './schemas.js';

/** A table to write: column names, their HXL hashtags and the rows as text. */
export interface ExportTable {
  columns: { name: string; hxl: string }[];
  rows: string[][];
}

/** A person as the registry stores it; `pii` is null once the person's key was erased. */
export interface SnapshotPerson {
  id: string;
  householdId: string;
  isHead: boolean;
  sex: string;
  birthYear: number | null;
  pii: PersonPii | null;
}

/** A document as the registry stores it; number and MRZ are null once erased. */
export interface SnapshotDocument {
  id: string;
  personId: string;
  type: string;
  issuer: string;
  expiry: string | null;
  number: string | null;
  mrz: readonly [string, string] | null;
}

/** The active registry (merged records left out), read from the database or generated. */
export interface RegistrySnapshot {
  households: readonly Household[];
  persons: readonly SnapshotPerson[];
  needs: readonly Need[];
  documents: readonly SnapshotDocument[];
  links: readonly CaseLink[];
  ties: readonly Tie[];
  preferences: readonly Preference[];
}

/** Columns a redacted export leaves out: direct identifiers, contact and protection detail. */
export const redactedColumns: readonly ImportField[] = importFieldSpecs
  .filter((s) => s.pii)
  .map((s) => s.name);

const personColumns: readonly ImportField[] = importFieldSpecs
  .map((s) => s.name)
  .filter((n) => n !== 'full_name' && !importOnlyColumns.includes(n));

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Household-level cells shared by the persons and households exports. */
function householdCells(s: RegistrySnapshot) {
  const links = new Map<string, string[]>();
  for (const l of s.links) {
    for (const [self, other] of [
      [l.a, l.b],
      [l.b, l.a],
    ] as const) {
      const list = links.get(self) ?? [];
      list.push(`${other}:${l.kind}`);
      links.set(self, list);
    }
  }
  const prefs = groupBy(s.preferences, (p) => p.householdId);
  const ties = groupBy(s.ties, (t) => t.householdId);
  return (h: Household): Record<string, string> => ({
    household_id: h.id,
    origin_country: h.originCountry,
    languages: h.languages.join(';'),
    household_status: h.status,
    ready_date: h.readyDate ?? '',
    priority: String(h.priority),
    linked_cases: (links.get(h.id) ?? []).sort(byText).join(';'),
    preferences: [...(prefs.get(h.id) ?? [])]
      .sort((a, b) => a.rank - b.rank)
      .map((p) => p.destinationId)
      .join(';'),
    ties: (ties.get(h.id) ?? []).map((t) => `${t.country}:${t.kind}`).join(';'),
  });
}

/** One row per person, grouped by household (by id), head first; `redact` drops personal data. */
export function personRows(s: RegistrySnapshot, options: { redact?: boolean } = {}): ExportTable {
  const columns = personColumns.filter((c) => !options.redact || !redactedColumns.includes(c));
  const cellsOf = householdCells(s);
  const members = groupBy(s.persons, (p) => p.householdId);
  const needs = groupBy(s.needs, (n) => n.personId);
  const docs = groupBy(s.documents, (d) => d.personId);
  const rows: string[][] = [];
  for (const h of [...s.households].sort((a, b) => byText(a.id, b.id))) {
    const household = cellsOf(h);
    const people = [...(members.get(h.id) ?? [])].sort(
      (a, b) => Number(b.isHead) - Number(a.isHead) || byText(a.id, b.id),
    );
    for (const p of people) {
      const doc = [...(docs.get(p.id) ?? [])].sort((a, b) => byText(a.id, b.id))[0];
      const personNeeds = (needs.get(p.id) ?? [])
        .filter((n) => !options.redact || assistanceNeedCodes.includes(n.code))
        .sort((a, b) => byText(a.code, b.code));
      const cells: Record<string, string> = {
        ...household,
        person_id: p.id,
        is_head: p.isHead ? 'yes' : 'no',
        given_name: p.pii?.givenName ?? '',
        family_name: p.pii?.familyName ?? '',
        sex: p.sex,
        birth_date: p.pii?.birthDate ?? '',
        birth_year: p.birthYear === null ? '' : String(p.birthYear),
        needs: personNeeds.map((n) => `${n.code}:${n.severity}`).join(';'),
        document_id: doc?.id ?? '',
        document_type: doc?.type ?? '',
        document_number: doc?.number ?? '',
        document_issuer: doc?.issuer ?? '',
        document_expiry: doc?.expiry ?? '',
        mrz_line1: doc?.mrz?.[0] ?? '',
        mrz_line2: doc?.mrz?.[1] ?? '',
        phone: p.pii?.phone ?? '',
        email: p.pii?.email ?? '',
        protection_note: p.pii?.protectionNote ?? '',
      };
      rows.push(columns.map((c) => cells[c] ?? ''));
    }
  }
  return { columns: columns.map((c) => ({ name: c, hxl: fieldSpec(c).hxl })), rows };
}

/** One row per household with its size and needs; an importer reads it as a households file. */
export function householdRows(s: RegistrySnapshot): ExportTable {
  const cellsOf = householdCells(s);
  const members = groupBy(s.persons, (p) => p.householdId);
  const personHousehold = new Map(s.persons.map((p) => [p.id, p.householdId]));
  const codes = groupBy(s.needs, (n) => personHousehold.get(n.personId) ?? '');
  const names: ImportField[] = [
    'household_id',
    'household_status',
    'origin_country',
    'languages',
    'ready_date',
    'priority',
    'linked_cases',
    'preferences',
    'ties',
  ];
  const columns = [
    ...names.map((n) => ({ name: n as string, hxl: fieldSpec(n).hxl })),
    { name: 'persons', hxl: '#affected+ind+num' },
    { name: 'needs_summary', hxl: '#affected+needs+list' },
  ];
  const rows = [...s.households]
    .sort((a, b) => byText(a.id, b.id))
    .map((h) => {
      const cells = cellsOf(h);
      const needCodes = [...new Set((codes.get(h.id) ?? []).map((n) => n.code))].sort(byText);
      return [
        ...names.map((n) => cells[n] ?? ''),
        String(members.get(h.id)?.length ?? 0),
        needCodes.join(';'),
      ];
    });
  return { columns, rows };
}

/** One assignment of a plan, with what a reader needs beside it. */
export interface PlanRowInput {
  householdId: string;
  destinationId: string | null;
  movementId: string | null;
  locked: boolean;
  reason: string;
  persons: number;
  /** The movement's departure (timetables). */
  departAt?: string | null;
}

/** A plan's assignments, grouped by movement for a timetable, by household otherwise. */
export function planRows(assignments: readonly PlanRowInput[], timetable: boolean): ExportTable {
  const columns = [
    { name: 'household_id', hxl: '#affected+hh+id' },
    { name: 'persons', hxl: '#affected+ind+num' },
    { name: 'destination_id', hxl: '#loc+dest+code' },
    { name: 'movement_id', hxl: '#transport+id' },
    ...(timetable ? [{ name: 'depart_at', hxl: '#date+depart' }] : []),
    { name: 'locked', hxl: '#meta+locked' },
    { name: 'reason', hxl: '#description+reason' },
  ];
  const sorted = [...assignments].sort((a, b) =>
    timetable
      ? byText(a.departAt ?? '~', b.departAt ?? '~') ||
        byText(a.movementId ?? '~', b.movementId ?? '~') ||
        byText(a.householdId, b.householdId)
      : byText(a.householdId, b.householdId),
  );
  const rows = sorted.map((a) => [
    a.householdId,
    String(a.persons),
    a.destinationId ?? '',
    a.movementId ?? '',
    ...(timetable ? [a.departAt ?? ''] : []),
    a.locked ? 'yes' : 'no',
    a.reason,
  ]);
  return { columns, rows };
}

/** A case as `GET /api/cases/:id` shows it to a role (redacted by the server). */
import type { CaseStatus } from '@corridor/core';

/** One member of a case. */
export interface CaseMember {
  id: string;
  isHead: boolean;
  sex: string | null;
  birthYear: number | null;
  mergedInto: string | null;
  /** Bumped by every change of the record; an edit sends the version it was based on. */
  version: number;
  erased: boolean;
  pii: {
    givenName?: string;
    familyName?: string;
    birthDate?: string | null;
    phone?: string;
    protectionNote?: string;
  } | null;
  needs: { code: string; severity: number }[];
  documents: {
    id: string;
    type: string;
    issuer: string;
    expiry: string | null;
    number: string | null;
    mrz: [string, string] | null;
  }[];
}

/** A case with members, links, wishes and history. */
export interface CaseView {
  id: string;
  status: CaseStatus;
  originCountry: string;
  languages: string[];
  readyDate: string | null;
  priority: number;
  mergedInto: string | null;
  version: number;
  members: CaseMember[];
  links: { a: string; b: string; kind: string }[];
  preferences: { rank: number; destinationId: string }[];
  ties: { country: string; kind: string }[];
  history: {
    at: string;
    from: CaseStatus | null;
    to: CaseStatus;
    actor: string;
    role: string;
    reason: string | null;
    /** What a record edit changed (person ids and field names); null for a status move. */
    change: string | null;
  }[];
  hiddenFields: string[];
}

/** A row of `GET /api/cases` as far as the list shows it (fields beyond these are ignored). */
export interface CaseRow {
  id: string;
  status?: string;
  persons?: number;
  size?: number;
  originCountry?: string;
  destinationId?: string | null;
  priority?: number;
  readyDate?: string | null;
  head?: string | null;
}

/** The rows and total of a list answer, whichever envelope it comes in. */
export function caseRows(data: unknown): { rows: CaseRow[]; total: number | null } {
  if (Array.isArray(data)) return { rows: data as CaseRow[], total: data.length };
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    const list = [o.cases, o.items, o.rows, o.households].find(Array.isArray) as
      CaseRow[] | undefined;
    const total = typeof o.total === 'number' ? o.total : null;
    return { rows: list ?? [], total };
  }
  return { rows: [], total: null };
}

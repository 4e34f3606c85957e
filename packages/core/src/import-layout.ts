/** Which field each column of a registry file holds, from its header row and/or HXL hashtag row. */
import {
  columnLetter,
  exportOnlyColumns,
  fieldForHeader,
  fieldForHxl,
  fieldSpec,
  normalizeHeader,
  type ImportField,
} from './import-columns.js';

/** A problem tied to one cell of the file; `row` is the row number a spreadsheet shows. */
export interface ImportProblem {
  row: number;
  column: string;
  /** The cell as written, or `<redacted>` when it holds personal data. */
  value: string;
  reason: string;
}

/** Something worth knowing that does not stop the import. */
export interface ImportWarning {
  row: number | null;
  column: string | null;
  message: string;
}

/** The columns of a file: the field of each (undefined: not imported) and how people name it. */
export interface ColumnLayout {
  fields: (ImportField | undefined)[];
  labels: string[];
  /** The last row before the data (the header or hashtag row); file-level problems point here. */
  headerRow: number;
  kind: 'persons' | 'households';
}

/**
 * Maps columns to fields: a known HXL hashtag wins, else the header name or one of its synonyms.
 * Unknown columns are skipped with a warning; a field named twice, or a required column missing,
 * is a problem.
 */
export function layoutColumns(
  header: readonly string[] | null,
  hxl: readonly string[] | null,
  headerRow: number,
): { layout: ColumnLayout; problems: ImportProblem[]; warnings: ImportWarning[] } {
  const width = Math.max(header?.length ?? 0, hxl?.length ?? 0);
  const fields: (ImportField | undefined)[] = [];
  const labels: string[] = [];
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Map<ImportField, string>();
  for (let k = 0; k < width; k++) {
    const h = (header?.[k] ?? '').replace(/^\uFEFF/, '').trim();
    const tag = (hxl?.[k] ?? '').trim();
    const label = h || tag || `column ${columnLetter(k)}`;
    labels.push(label);
    const field = (tag ? fieldForHxl(tag) : undefined) ?? (h ? fieldForHeader(h) : undefined);
    if (!field) {
      if ((h || tag) && !exportOnlyColumns.includes(normalizeHeader(h)))
        warnings.push({
          row: headerRow,
          column: label,
          message: `column ${columnLetter(k)} ("${label}") is not a registry column and is not imported`,
        });
      fields.push(undefined);
      continue;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      problems.push({
        row: headerRow,
        column: label,
        value: h || tag,
        reason: `holds ${field}, like column "${earlier}"; keep one`,
      });
      fields.push(undefined);
      continue;
    }
    seen.set(field, label);
    fields.push(field);
  }
  const has = (f: ImportField) => seen.has(f);
  const kind = [...seen.keys()].some((f) => fieldSpec(f).level === 'person')
    ? 'persons'
    : 'households';
  const missing = (f: ImportField, hint = '') =>
    problems.push({
      row: headerRow,
      column: f,
      value: '',
      reason: `no ${f} column${hint}`,
    });
  if (!has('household_id')) missing('household_id', ' (or case_id, hh_id, #affected+hh+id)');
  if (kind === 'persons') {
    if (!has('person_id')) missing('person_id', ' (or individual_id, #affected+ind+id)');
    if (has('full_name') && (has('given_name') || has('family_name')))
      problems.push({
        row: headerRow,
        column: seen.get('full_name')!,
        value: '',
        reason: 'give either full_name or given_name and family_name, not both',
      });
    else if (!has('full_name')) {
      if (!has('given_name')) missing('given_name', ' (or full_name)');
      if (!has('family_name')) missing('family_name', ' (or full_name)');
    }
    if (!has('sex')) missing('sex');
  }
  return { layout: { fields, labels, headerRow, kind }, problems, warnings };
}

/**
 * Turns a form export (a households sheet and a repeat group of members) into the rows of a
 * registry file, one per member with its household's columns, so that the registry import checks
 * and writes them; its problems are then named back at the export's own sheet, row and column.
 */
import { fieldSpec, importFieldSpecs, type ImportField } from './import-columns.js';
import type { ImportProblem, ImportWarning } from './import-layout.js';
import type { RawRow, RegistryFileData } from './import-plan.js';
import { isSystemColumn, linkColumns, type FormMapping } from './form-mapping.js';

/** One sheet of an export (an XLSX worksheet, a CSV file, a JSON array), read whole. */
export interface FormSheet {
  name: string;
  header: string[];
  /** The header's row number; data rows follow with their own numbers. */
  headerRow: number;
  rows: RawRow[];
}

/** A problem named where the export has it: sheet, row (as the sheet shows it), column. */
export interface FormProblem extends ImportProblem {
  sheet: string;
}

/** An export as registry rows, its own problems, and the way back from a registry problem. */
export interface FormRows {
  data: RegistryFileData;
  households: number;
  members: number;
  problems: FormProblem[];
  warnings: ImportWarning[];
  /** A problem of the registry rows, named at the export's sheet, row and column. */
  locate(problem: ImportProblem): FormProblem;
}

interface Place {
  sheet: string;
  row: number;
}

/** Where a registry row came from: its household's row, and its member's (a sheet's row). */
interface Origin {
  household: Place;
  member: Place;
  /** The member is the households sheet's own row (a flat export, or the head asked there). */
  fromMain: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const blank = (r: RawRow) => r.cells.every((c) => c.trim() === '');

/** A sheet by name; XLSX truncates sheet names to 31 characters, so a prefix of 31 matches too. */
function sheetNamed(sheets: readonly FormSheet[], name: string): FormSheet | undefined {
  return (
    sheets.find((s) => same(s.name, name)) ??
    sheets.find((s) => s.name.length === 31 && same(s.name, name.slice(0, 31)))
  );
}

/** Checks a sheet's header against the mapping: every column mapped, ignored or a system one. */
function checkHeader(
  sheet: FormSheet,
  fields: Record<string, ImportField>,
  mapping: FormMapping,
  links: string[],
  problems: FormProblem[],
): Map<string, number> {
  const at = new Map<string, number>();
  sheet.header.forEach((h, k) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    if (name === '') return;
    at.set(name.toLowerCase(), k);
    const known =
      Object.keys(fields).some((f) => same(f, name)) ||
      mapping.ignore.some((f) => same(f, name)) ||
      links.some((f) => same(f, name)) ||
      isSystemColumn(mapping.source, name);
    if (!known)
      problems.push({
        sheet: sheet.name,
        row: sheet.headerRow,
        column: name,
        value: '',
        reason: `is not in mapping ${mapping.name}: map it to a Corridor column or list it under ignore`,
      });
  });
  for (const wanted of [...Object.keys(fields), ...links])
    if (!at.has(wanted.trim().toLowerCase()))
      problems.push({
        sheet: sheet.name,
        row: sheet.headerRow,
        column: wanted,
        value: '',
        reason: `mapping ${mapping.name} reads this column, which sheet ${sheet.name} does not have`,
      });
  return at;
}

/** Reads a mapped row into Corridor columns, with the mapping's value translations. */
function mapped(
  row: RawRow,
  fields: Record<string, ImportField>,
  at: Map<string, number>,
  values: FormMapping['values'],
): Map<ImportField, string> {
  const out = new Map<ImportField, string>();
  for (const [source, field] of Object.entries(fields)) {
    const k = at.get(source.trim().toLowerCase());
    const raw = k === undefined ? '' : (row.cells[k] ?? '').trim();
    out.set(field, values?.[field]?.[raw] ?? raw);
  }
  return out;
}

/**
 * Joins the repeat group to its households (a member whose parent is missing is a broken repeat
 * group, a household without members is refused: households stay whole) and lays the rows out as
 * a registry persons file. Person columns mapped on the households sheet make its row the first
 * member and head (the head asked on the main form), and then a household needs no group rows. A
 * member without a mapped person id is `<household id>-<n>`, n its place in the household.
 */
export function formToRegistry(sheets: readonly FormSheet[], mapping: FormMapping): FormRows {
  const problems: FormProblem[] = [];
  const warnings: ImportWarning[] = [];
  const main = mapping.households.sheet ? sheetNamed(sheets, mapping.households.sheet) : sheets[0];
  const group = mapping.members ? sheetNamed(sheets, mapping.members.sheet) : undefined;
  const names = sheets.map((s) => s.name).join(', ') || 'none';
  const first = sheets[0]?.name ?? 'file';
  if (!main)
    problems.push({
      sheet: first,
      row: 0,
      column: '',
      value: mapping.households.sheet ?? '',
      reason: `the export has no households sheet ${mapping.households.sheet ?? ''} (sheets: ${names})`,
    });
  if (mapping.members && !group)
    problems.push({
      sheet: first,
      row: 0,
      column: '',
      value: mapping.members.sheet,
      reason: `the export has no repeat group ${mapping.members.sheet} (sheets: ${names})`,
    });
  const links = linkColumns(mapping);
  for (const s of sheets)
    if (s !== main && s !== group && s.rows.some((r) => !blank(r)))
      warnings.push({
        row: null,
        column: null,
        message: `sheet ${s.name} is not in mapping ${mapping.name} and is not imported`,
      });
  const origins: Origin[] = [];
  const empty: FormRows = {
    data: { header: null, hxl: null, headerRow: 0, rows: [] },
    households: 0,
    members: 0,
    problems,
    warnings,
    locate: (p) => ({ ...p, sheet: first }),
  };
  if (!main || (mapping.members && !group)) return empty;

  const headOnMain =
    group !== undefined &&
    Object.values(mapping.households.fields).some((f) => fieldSpec(f).level === 'person');
  const mainAt = checkHeader(
    main,
    mapping.households.fields,
    mapping,
    group ? [links.key] : [],
    problems,
  );
  const groupAt = group
    ? checkHeader(group, mapping.members!.fields, mapping, [links.parentKey], problems)
    : new Map<string, number>();
  const households = new Map<string, { row: RawRow; members: RawRow[] }>();
  const order: { row: RawRow; members: RawRow[] }[] = [];
  const keyAt = mainAt.get(links.key.toLowerCase());
  for (const r of main.rows) {
    if (blank(r)) continue;
    const entry = { row: r, members: group ? [] : [r] };
    order.push(entry);
    if (!group) continue;
    const key = keyAt === undefined ? '' : (r.cells[keyAt] ?? '').trim();
    if (key === '' || households.has(key))
      problems.push({
        sheet: main.name,
        row: r.row,
        column: links.key,
        value: key,
        reason:
          key === ''
            ? 'is empty: members cannot point at this household'
            : `is also on row ${households.get(key)!.row.row}`,
      });
    else households.set(key, entry);
  }
  if (group) {
    const parentAt = groupAt.get(links.parentKey.toLowerCase());
    for (const r of group.rows) {
      if (blank(r)) continue;
      const parent = parentAt === undefined ? '' : (r.cells[parentAt] ?? '').trim();
      const household = households.get(parent);
      if (household) household.members.push(r);
      else if (parentAt !== undefined)
        problems.push({
          sheet: group.name,
          row: r.row,
          column: links.parentKey,
          value: parent,
          reason:
            parent === ''
              ? 'broken repeat group: this member names no household'
              : `broken repeat group: no row of ${main.name} has ${links.key} ${parent}`,
        });
    }
    for (const h of order)
      if (
        !headOnMain &&
        h.members.length === 0 &&
        households.get((h.row.cells[keyAt ?? -1] ?? '').trim()) === h
      )
        problems.push({
          sheet: main.name,
          row: h.row.row,
          column: links.key,
          value: (h.row.cells[keyAt ?? -1] ?? '').trim(),
          reason: `the household has no members in ${group.name}`,
        });
  }

  const memberFields = mapping.members?.fields ?? {};
  const present = new Set<ImportField>([
    ...Object.values(mapping.households.fields),
    ...Object.values(memberFields),
  ]);
  const madeId = !present.has('person_id');
  const header = importFieldSpecs
    .map((s) => s.name)
    .filter(
      (f) => present.has(f) || (f === 'person_id' && madeId) || (f === 'is_head' && headOnMain),
    );
  const rows: RawRow[] = [];
  let members = 0;
  for (const h of order) {
    const household = mapped(h.row, mapping.households.fields, mainAt, mapping.values);
    const hhId = household.get('household_id') ?? '';
    // The head's own questions on the households sheet make that row the first member.
    const people = [
      ...(!group || headOnMain ? [{ person: household, row: h.row, fromMain: true }] : []),
      ...(group ? h.members : []).map((m) => ({
        person: mapped(m, memberFields, groupAt, mapping.values),
        row: m,
        fromMain: false,
      })),
    ];
    people.forEach((p, k) => {
      const cells = header.map((f) => {
        if (f === 'person_id' && madeId) return hhId && `${hhId}-${k + 1}`;
        if (fieldSpec(f).level === 'household') return household.get(f) ?? '';
        const value = p.person.get(f);
        if (value !== undefined) return value;
        return f === 'is_head' && headOnMain ? (p.fromMain ? 'yes' : 'no') : '';
      });
      rows.push({ row: rows.length + 1, cells });
      origins.push({
        household: { sheet: main.name, row: h.row.row },
        member: { sheet: (p.fromMain ? main : group!).name, row: p.row.row },
        fromMain: p.fromMain,
      });
      members++;
    });
  }

  const columnsOf = (fields: Record<string, ImportField>) =>
    new Map(Object.entries(fields).map(([c, f]) => [f as string, c]));
  const mainColumns = columnsOf(mapping.households.fields);
  const memberColumns = columnsOf(memberFields);
  if (madeId) {
    const made = 'person_id (household id and place in the group)';
    mainColumns.set('person_id', made);
    memberColumns.set('person_id', made);
  }
  const isHousehold = (column: string) =>
    importFieldSpecs.find((s) => s.name === column)?.level === 'household';
  const placeOf = (origin: Origin, column: string) =>
    isHousehold(column) ? origin.household : origin.member;

  const locate = (p: ImportProblem): FormProblem => {
    const origin = origins[p.row - 1];
    if (!origin) {
      const column = mainColumns.get(p.column) ?? memberColumns.get(p.column) ?? p.column;
      return { ...p, sheet: main.name, row: main.headerRow, column };
    }
    const columns = isHousehold(p.column) || origin.fromMain ? mainColumns : memberColumns;
    const reason = p.reason.replace(/\brow (\d+)\b/g, (text, n: string) => {
      const other = origins[Number(n) - 1];
      if (!other) return text;
      const o = placeOf(other, p.column);
      return `${o.sheet} row ${o.row}`;
    });
    return {
      ...p,
      ...placeOf(origin, p.column),
      column: columns.get(p.column) ?? p.column,
      reason,
    };
  };
  return {
    data: { header, hxl: null, headerRow: 0, rows },
    households: order.length,
    members,
    problems,
    warnings,
    locate,
  };
}

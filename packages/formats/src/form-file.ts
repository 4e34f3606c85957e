/**
 * Reads a form export into whole sheets: every worksheet of a KoBoToolbox / ODK XLSX export, one
 * sheet per CSV file (the main table and each repeat group, loose or in ODK Central's ZIP download),
 * or a Primero JSON case export whose
 * nested lists (family details, say) become sheets linked by `_index` / `_parent_index`.
 */
import { basename, extname } from 'node:path';
import { errors, type FormSheet, type RawRow } from '@corridor/core';
import yauzl from 'yauzl';
import { readCsvRows } from './csv-read.js';
import { readXlsxSheets } from './xlsx-read.js';
import { checkArchive } from './zip-limits.js';

/** One uploaded file of an export. */
export interface FormFile {
  name: string;
  content: Buffer;
}

const blank = (r: RawRow) => r.cells.every((c) => c.trim() === '');

/** A sheet from its rows: the first non-blank row is the header. */
function sheetOf(name: string, rows: RawRow[]): FormSheet {
  const h = rows.findIndex((r) => !blank(r));
  if (h < 0) return { name, header: [], headerRow: 0, rows: [] };
  return { name, header: rows[h]!.cells, headerRow: rows[h]!.row, rows: rows.slice(h + 1) };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A Primero JSON export: records, and their lists of records as linked sheets. */
export function jsonSheets(name: string, text: string): FormSheet[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw errors.invalidInput(`${name}: the JSON file cannot be read: ${(error as Error).message}`);
  }
  const list = Array.isArray(doc)
    ? doc
    : isRecord(doc)
      ? (doc.data ?? doc.cases ?? doc.records)
      : undefined;
  if (!Array.isArray(list) || !list.every(isRecord))
    throw errors.invalidInput(
      `${name}: a JSON export must be a list of case records (or {"data": [...]})`,
    );
  const sheet = basename(name, extname(name));
  const header: string[] = ['_index'];
  const nested = new Map<string, { header: string[]; rows: RawRow[] }>();
  const rows: Record<string, unknown>[] = [];
  list.forEach((record, k) => {
    // No prototype: a record's `__proto__` key is a column like any other.
    const flat = Object.assign(Object.create(null) as Record<string, unknown>, { _index: k + 1 });
    for (const [key, value] of Object.entries(record)) {
      if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
        const group = nested.get(key) ?? { header: ['_parent_index'], rows: [] };
        nested.set(key, group);
        for (const member of value) {
          for (const f of Object.keys(member)) if (!group.header.includes(f)) group.header.push(f);
          const cells = group.header.map((f) =>
            f === '_parent_index' ? String(k + 1) : cell(member[f]),
          );
          group.rows.push({ row: group.rows.length + 1, cells });
        }
        continue;
      }
      if (!header.includes(key)) header.push(key);
      flat[key] = value;
    }
    rows.push(flat);
  });
  return [
    {
      name: sheet,
      header,
      headerRow: 0,
      rows: rows.map((r, k) => ({ row: k + 1, cells: header.map((h) => cell(r[h])) })),
    },
    ...[...nested].map(([key, g]) => ({ name: key, header: g.header, headerRow: 0, rows: g.rows })),
  ];
}

/** The CSV files of a ZIP export (ODK Central's download), after the archive passed its limits. */
async function zipCsvFiles(name: string, content: Buffer): Promise<FormFile[]> {
  await checkArchive(content);
  const zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, autoClose: false });
  try {
    const files: FormFile[] = [];
    for await (const entry of zip.eachEntry()) {
      if (!/\.csv$/i.test(entry.fileName)) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry))
        chunks.push(chunk as Buffer);
      files.push({ name: basename(entry.fileName), content: Buffer.concat(chunks) });
    }
    if (files.length === 0)
      throw errors.invalidInput(`${basename(name)}: the ZIP file holds no CSV file`);
    return files;
  } finally {
    zip.close();
  }
}

/**
 * Reads the files of an export, in the order given: an XLSX workbook gives all its worksheets, a
 * CSV file one sheet named after the file, a JSON file its records and their nested lists.
 */
export async function readFormSheets(files: readonly FormFile[]): Promise<FormSheet[]> {
  const sheets: FormSheet[] = [];
  for (const f of files) {
    const ext = extname(f.name).slice(1).toLowerCase();
    if (ext === 'xlsx')
      for (const s of await readXlsxSheets(f.content)) sheets.push(sheetOf(s.name, s.rows));
    else if (ext === 'csv') {
      const rows: RawRow[] = [];
      for await (const r of readCsvRows(f.content)) rows.push(r);
      sheets.push(sheetOf(basename(f.name, extname(f.name)), rows));
    } else if (ext === 'json') sheets.push(...jsonSheets(f.name, f.content.toString('utf8')));
    else if (ext === 'zip')
      sheets.push(...(await readFormSheets(await zipCsvFiles(f.name, f.content))));
    else
      throw errors.invalidInput(
        `${basename(f.name)}: a form export is .xlsx, .csv, .zip (of CSV files) or .json, not "${ext || 'no extension'}"`,
      );
  }
  return sheets;
}

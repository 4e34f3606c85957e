/** Reads a registry file (CSV, XLSX or JSON) from a path or from bytes, for an import or a check. */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  emptyImportContext,
  errors,
  importReportOf,
  planImport,
  type ImportReport,
  type NewOperationOptions,
  type RegistryFileData,
} from '@corridor/core';
import { readCsvRows } from './csv-read.js';
import { readJsonRegistry } from './json-read.js';
import { splitHeader } from './table-layout.js';
import { readXlsxRows } from './xlsx-read.js';

/** The formats an import reads. */
export const importFormats = ['csv', 'xlsx', 'json'] as const;
/** One import format. */
export type ImportFormat = (typeof importFormats)[number];

/** A file to import: a path on disk, or its bytes (an upload) with its name. */
export type ImportSource = { path: string; name?: string } | { content: Buffer; name: string };

/** The format from `--format` or else the file's extension. */
export function importFormatOf(name: string, explicit?: string): ImportFormat {
  const f = (explicit ?? extname(name).slice(1)).toLowerCase();
  if ((importFormats as readonly string[]).includes(f)) return f as ImportFormat;
  throw errors.invalidInput(
    explicit
      ? `--format must be csv, xlsx or json, not "${explicit}"`
      : `cannot tell the format of ${basename(name)}; give --format csv, xlsx or json`,
  );
}

/** SHA-256 (hex) of the file's bytes, streamed. */
export async function sha256Of(source: ImportSource): Promise<string> {
  const hash = createHash('sha256');
  if ('content' in source) return hash.update(source.content).digest('hex');
  for await (const chunk of createReadStream(source.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads a registry file as rows (streamed for CSV and XLSX). */
export async function readRegistryFile(
  source: ImportSource,
  format: ImportFormat,
): Promise<RegistryFileData> {
  const input = 'content' in source ? source.content : source.path;
  if (format === 'json')
    return readJsonRegistry(
      typeof input === 'string' ? readFileSync(input, 'utf8') : input.toString('utf8'),
    );
  return splitHeader(format === 'csv' ? readCsvRows(input) : readXlsxRows(input));
}

/** Options of an import. */
export interface ImportFileOptions {
  format?: string;
  dryRun?: boolean;
  operation?: NewOperationOptions;
  /** Called every 1,000 rows read, for progress bars. */
  onRows?: (rows: number) => void;
}

async function* counted(rows: RegistryFileData['rows'], onRows?: (n: number) => void) {
  let n = 0;
  for await (const r of rows) {
    if (onRows && ++n % 1000 === 0) onRows(n);
    yield r;
  }
}

async function readCounted(source: ImportSource, format: ImportFormat, options: ImportFileOptions) {
  const data = await readRegistryFile(source, format);
  return options.onRows ? { ...data, rows: counted(data.rows, options.onRows) } : data;
}

function describe(source: ImportSource) {
  const name = 'content' in source ? source.name : (source.name ?? source.path);
  return { name: basename(name), full: name };
}

/** What an import knows of its file: its name, SHA-256 and format. */
export interface ImportFileInfo {
  fileName: string;
  fileHash: string;
  format: ImportFormat;
}

/** Opens a registry file for import: its name, hash and format, and its rows (streamed). */
export async function openImportFile(
  source: ImportSource,
  options: ImportFileOptions,
): Promise<{ file: ImportFileInfo; data: RegistryFileData }> {
  const { name, full } = describe(source);
  const format = importFormatOf(full, options.format);
  const fileHash = await sha256Of(source);
  return {
    file: { fileName: name, fileHash, format },
    data: await readCounted(source, format, options),
  };
}

/** Validates a file as if into an empty database, writing nothing (before a database exists). */
export async function validateFile(
  source: ImportSource,
  options: ImportFileOptions,
): Promise<ImportReport> {
  const { name, full } = describe(source);
  const format = importFormatOf(full, options.format);
  const fileHash = await sha256Of(source);
  const plan = await planImport(await readCounted(source, format, options), emptyImportContext);
  return importReportOf(
    plan,
    { name, sha256: fileHash, format },
    Boolean(options.dryRun),
    { toWrite: plan.persons, unchanged: 0, sameId: 0 },
    null,
  );
}

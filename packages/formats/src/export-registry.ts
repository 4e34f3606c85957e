/** Writes exports of persons, households, plans and timetables as CSV, XLSX or JSON. */
import { errors, type ExportTable } from '@corridor/core';
import { tableToCsv } from './csv-write.js';
import { tableToJson } from './json-write.js';
import { tableToXlsx } from './xlsx-write.js';

/** What can be exported. */
export const exportKinds = ['persons', 'households', 'plan', 'timetable', 'destinations'] as const;
/** One export kind. */
export type ExportKind = (typeof exportKinds)[number];
/** The formats an export writes. */
export const exportFormats = ['csv', 'xlsx', 'json'] as const;
/** One export format. */
export type ExportFormat = (typeof exportFormats)[number];

/** Options of an export. */
export interface ExportOptions {
  format: ExportFormat;
  /** Add the HXL hashtag row (CSV, XLSX). */
  hxl?: boolean;
  /** Leave out personal data (names, birth dates, documents, contact, protection detail). */
  redact?: boolean;
}

/** What an export renders: a table of records, or the destinations and pledges (JSON only). */
export type ExportContent =
  | { kind: Exclude<ExportKind, 'destinations'>; table: ExportTable }
  | { kind: 'destinations'; destinations: unknown[]; pledges: unknown[] };

/** The export as bytes, ready to write to a file or to stdout. */
export function exportFile(
  content: ExportContent,
  options: ExportOptions,
): Promise<Buffer> | Buffer {
  if (content.kind === 'destinations') {
    if (options.format !== 'json')
      throw errors.invalidInput('destinations are exported as JSON only (--format json)');
    const body = { destinations: content.destinations, pledges: content.pledges };
    return Buffer.from(JSON.stringify(body, null, 2) + '\n');
  }
  const { kind, table } = content;
  if (options.format === 'csv')
    return Buffer.from(tableToCsv(table, { hxl: Boolean(options.hxl) }));
  if (options.format === 'xlsx')
    return tableToXlsx(table, { hxl: Boolean(options.hxl), sheet: kind });
  return Buffer.from(tableToJson(kind, table));
}

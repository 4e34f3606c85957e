/** Reads the first worksheet of an XLSX workbook as a stream of rows (exceljs streaming reader). */
import { Readable } from 'node:stream';
import { errors, type RawRow } from '@corridor/core';
import { checkArchive } from './zip-limits.js';

/** A cell's value as the text a person sees; dates become `YYYY-MM-DD`. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
    return '';
  }
  return String(value);
}

/**
 * Streams the rows of the first worksheet; row numbers are the sheet's own. The archive passes
 * its limits and checksums first (a damaged one can leave the streaming reader waiting forever).
 */
export async function* readXlsxRows(input: string | Buffer): AsyncGenerator<RawRow> {
  await checkArchive(input);
  const source = typeof input === 'string' ? input : Readable.from([input]);
  // exceljs loads when a workbook is read or written, not with every command.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(source, {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        yield { row: row.number, cells };
      }
      break;
    }
  } catch (error) {
    throw errors.invalidInput(`the XLSX file cannot be read: ${(error as Error).message}`);
  }
}

/** Every worksheet of a workbook, read whole, with its name (a form export's repeat groups). */
export async function readXlsxSheets(input: Buffer): Promise<{ name: string; rows: RawRow[] }[]> {
  await checkArchive(input);
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([input]), {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  const sheets: { name: string; rows: RawRow[] }[] = [];
  try {
    for await (const sheet of reader) {
      const rows: RawRow[] = [];
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        rows.push({ row: row.number, cells });
      }
      sheets.push({ name: (sheet as unknown as { name: string }).name, rows });
    }
  } catch (error) {
    throw errors.invalidInput(`the XLSX file cannot be read: ${(error as Error).message}`);
  }
  return sheets;
}

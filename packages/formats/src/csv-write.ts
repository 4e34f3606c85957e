/** Writes tables as CSV (RFC 4180 quoting, UTF-8, LF line ends); the importer reads them back. */
import type { ExportTable } from '@corridor/core';
import { neutraliseFormula } from './formula-guard.js';

/**
 * Quotes a cell when it holds a comma, quote, line break, or spaces at either end; a cell a
 * spreadsheet would run as a formula gets a leading apostrophe first.
 */
export function csvCell(raw: string): string {
  const value = neutraliseFormula(raw);
  return /[",\r\n;]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole CSV text of a table, with the HXL hashtag row under the header when asked. */
export function tableToCsv(table: ExportTable, options: { hxl?: boolean } = {}): string {
  const lines = [table.columns.map((c) => csvCell(c.name)).join(',')];
  if (options.hxl) lines.push(table.columns.map((c) => csvCell(c.hxl)).join(','));
  for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

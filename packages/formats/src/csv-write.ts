/** Writes tables as CSV (RFC 4180 quoting, UTF-8, LF line ends); the importer reads them back. */
import type { ExportTable } from '@corridor/core';

/** Quotes a cell when it holds a comma, quote, line break, or spaces at either end. */
export function csvCell(value: string): string {
  return /[",\r\n;]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The whole CSV text of a table, with the HXL hashtag row under the header when asked. */
export function tableToCsv(table: ExportTable, options: { hxl?: boolean } = {}): string {
  const lines = [table.columns.map((c) => csvCell(c.name)).join(',')];
  if (options.hxl) lines.push(table.columns.map((c) => csvCell(c.hxl)).join(','));
  for (const row of table.rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\n') + '\n';
}

/**
 * Writes tables as XLSX workbooks: every cell as text, so identifiers and dates stay as written
 * and a cell beginning with = + - @ is stored as text, never as a formula a spreadsheet would run.
 */
import type { ExportTable } from '@corridor/core';
import type ExcelJS from 'exceljs';
import { formulaLike } from './formula-guard.js';

/** Adds a row of text cells; a formula-like one carries the text format itself, whatever its column. */
function addTextRow(sheet: ExcelJS.Worksheet, cells: readonly string[]): ExcelJS.Row {
  const row = sheet.addRow([...cells]);
  cells.forEach((text, k) => {
    if (formulaLike(text)) row.getCell(k + 1).numFmt = '@';
  });
  return row;
}

/** Adds a table as a worksheet: bold header, optional HXL row, frozen above the data. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  table: ExportTable,
  options: { hxl?: boolean } = {},
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: options.hxl ? 2 : 1 }],
  });
  addTextRow(
    sheet,
    table.columns.map((c) => c.name),
  ).font = { bold: true };
  if (options.hxl)
    addTextRow(
      sheet,
      table.columns.map((c) => c.hxl),
    ).font = { italic: true };
  for (const row of table.rows) addTextRow(sheet, row);
  table.columns.forEach((c, k) => {
    const widest = Math.max(
      c.name.length,
      ...table.rows.slice(0, 200).map((r) => (r[k] ?? '').length),
    );
    sheet.getColumn(k + 1).width = Math.min(48, Math.max(8, widest + 2));
    sheet.getColumn(k + 1).numFmt = '@';
  });
  return sheet;
}

/** A one-sheet workbook as bytes. */
export async function tableToXlsx(
  table: ExportTable,
  options: { hxl?: boolean; sheet?: string } = {},
): Promise<Buffer> {
  // exceljs loads when a workbook is read or written, not with every command.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Corridor';
  addTableSheet(workbook, options.sheet ?? 'data', table, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

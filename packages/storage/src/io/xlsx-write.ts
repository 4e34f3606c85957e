/** Writes tables as XLSX workbooks: every cell as text, so identifiers and dates stay as written. */
import type { ExportTable } from '@corridor/core';
import type ExcelJS from 'exceljs';

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
  sheet.addRow(table.columns.map((c) => c.name)).font = { bold: true };
  if (options.hxl) sheet.addRow(table.columns.map((c) => c.hxl)).font = { italic: true };
  for (const row of table.rows) sheet.addRow(row);
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

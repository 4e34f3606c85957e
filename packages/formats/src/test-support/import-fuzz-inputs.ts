/**
 * Malformed registry files for fuzzing the import (M12): seeded mutations of a valid roster as
 * CSV (cells, rows, text and bytes), JSON (values, structure, text) and XLSX (rows, bytes). The
 * same input number always gives the same file.
 */
import { createRandom, type Random } from '@corridor/core';
import ExcelJS from 'exceljs';
import type { ImportSource } from '../import-file.js';
import { buildRoster, rosterCsv } from './test-roster.js';

const roster = buildRoster(24, 5);

const oddValues = [
  '',
  ' ',
  '"',
  '""',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '💥',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '2023-02-30',
  '31/02/2021',
  '9999-99-99',
  'ZZZ',
  'null',
  'undefined',
  '=1+1',
  '<script>',
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  'x'.repeat(5000),
  '\r\n',
  ',,,',
  '#affected+hh+id',
];

function mutateLines(r: Random): string[][] {
  const lines = roster.lines.map((l) => [...l]);
  const moves = r.int(1, 6);
  for (let m = 0; m < moves; m++) {
    const row = r.int(0, lines.length - 1);
    const line = lines[row]!;
    switch (r.int(0, 7)) {
      case 0:
        line[r.int(0, Math.max(0, line.length - 1))] = r.pick(oddValues);
        break;
      case 1:
        line.splice(r.int(0, line.length), 1);
        break;
      case 2:
        line.push(r.pick(oddValues));
        break;
      case 3:
        lines.splice(row, 1);
        break;
      case 4:
        lines.splice(row, 0, [...lines[r.int(0, lines.length - 1)]!]);
        break;
      case 5:
        lines[0] = lines[0]!.map((h) => (r.chance(0.2) ? r.pick(oddValues) : h));
        break;
      case 6:
        if (lines.length > 1) [lines[0], lines[row]] = [lines[row]!, lines[0]!];
        break;
      default:
        line.fill(r.pick(oddValues));
    }
  }
  return lines;
}

function mutateBytes(bytes: Buffer, r: Random): Buffer {
  const out = Buffer.from(bytes);
  const n = r.int(1, 12);
  for (let k = 0; k < n && out.length > 0; k++) out[r.int(0, out.length - 1)] = r.int(0, 255);
  if (r.chance(0.3)) return out.subarray(0, r.int(0, out.length));
  return out;
}

function mutateText(text: string, r: Random): string {
  let s = text;
  for (let k = r.int(1, 8); k > 0; k--) {
    const at = r.int(0, s.length);
    const cut = r.int(0, 20);
    s = s.slice(0, at) + (r.chance(0.5) ? r.pick(oddValues) : '') + s.slice(at + cut);
  }
  return s;
}

function jsonOf(lines: string[][], r: Random): unknown {
  const [head, , ...rows] = lines;
  const objects = rows.map((l) =>
    Object.fromEntries(
      (head ?? []).map((h, i) => [
        h,
        r.chance(0.05) ? r.pick([null, 7, [], {}, true]) : (l[i] ?? ''),
      ]),
    ),
  );
  return r.pick([
    objects,
    { persons: objects },
    { rows: objects, destinations: r.pick([[], 'x', [{}]]) },
    { persons: 'x' },
    42,
    null,
  ]);
}

async function xlsxOf(lines: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('persons');
  for (const l of lines) sheet.addRow(l);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The k-th generated input: a third each CSV, JSON and XLSX, by text, structure or bytes. */
export async function fuzzImportInput(k: number, validXlsx: Buffer): Promise<ImportSource> {
  const r = createRandom(1000 + k);
  const kind = k % 3;
  if (kind === 0) {
    const csv = r.chance(0.5) ? rosterCsv(mutateLines(r)) : mutateText(rosterCsv(roster.lines), r);
    const bytes = r.chance(0.15) ? mutateBytes(Buffer.from(csv), r) : Buffer.from(csv);
    return { content: bytes, name: `fuzz-${k}.csv` };
  }
  if (kind === 1) {
    const text = JSON.stringify(jsonOf(r.chance(0.5) ? mutateLines(r) : roster.lines, r));
    return {
      content: Buffer.from(r.chance(0.4) ? mutateText(text, r) : text),
      name: `fuzz-${k}.json`,
    };
  }
  // Building a workbook is slow: one in ten is rebuilt from mutated rows, the rest are damaged bytes.
  const bytes = r.chance(0.1) ? await xlsxOf(mutateLines(r)) : mutateBytes(validXlsx, r);
  return { content: bytes, name: `fuzz-${k}.xlsx` };
}

/** The valid roster as an XLSX workbook, the starting point of damaged-byte inputs. */
export function validFuzzXlsx(): Promise<Buffer> {
  return xlsxOf(roster.lines);
}

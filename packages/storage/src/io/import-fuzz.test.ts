/**
 * Fuzzing the import path (M2, M12): thousands of malformed CSV, XLSX and JSON files, made by
 * seeded mutations of a valid roster, go through the reader and the core validation (a dry run
 * with no database), and some through a real import on each backend. Every one must end in a
 * report (valid, or bad rows each with a reason) or a catalogued 4xx error — never a crash —
 * and a refused import writes nothing. FUZZ_IMPORTS sets the count (default 10,000).
 */
import { createRandom, isCorridorError, type ImportReport, type Random } from '@corridor/core';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';
import { importFile, validateFile, type ImportSource } from './import-file.js';
import { buildRoster, rosterCsv } from './test-roster.js';

const total = Number(process.env.FUZZ_IMPORTS ?? 10_000);
const registrar = { name: 'fuzz-registrar', role: 'registrar' };
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
async function input(k: number, validXlsx: Buffer): Promise<ImportSource> {
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

/** A clear outcome: a report whose problems each say why, or a catalogued 4xx error. */
function judge(outcome: { report?: ImportReport; error?: unknown }): string | null {
  if (outcome.report) {
    const r = outcome.report;
    if (r.ok) return null;
    if (r.problems.length === 0) return 'refused without a problem listed';
    const unclear = r.problems.find((p) => !p.reason || p.reason.length < 5);
    return unclear ? `a problem without a reason: ${JSON.stringify(unclear)}` : null;
  }
  const e = outcome.error;
  if (!isCorridorError(e))
    return `crash: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  if (e.status >= 500) return `server error ${e.id}: ${e.message}`;
  return e.message.length < 10 ? `unclear error ${e.id}: ${e.message}` : null;
}

/** Runs one import; one that has not ended after 10 s counts as a hang. */
async function attempt(run: () => Promise<ImportReport>) {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 10 s (a hang)')), 10_000);
  });
  try {
    return { report: await Promise.race([run(), hang]) };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

let validXlsx: Buffer;
beforeAll(async () => {
  validXlsx = await xlsxOf(roster.lines);
});

describe('import fuzzing', () => {
  it(`validates ${total} malformed CSV, XLSX and JSON files: 0 crashes, every refusal clear`, async () => {
    const failures: string[] = [];
    let refused = 0;
    for (let k = 0; k < total; k++) {
      const source = await input(k, validXlsx);
      const outcome = await attempt(() => validateFile(source, { dryRun: true }));
      if (outcome.error || !outcome.report?.ok) refused++;
      const problem = judge(outcome);
      if (problem && failures.length < 20)
        failures.push(`input ${k} (${'name' in source ? source.name : ''}): ${problem}`);
    }
    expect(failures).toEqual([]);
    // Most mutations must break the file; otherwise the fuzzing would test little.
    expect(refused).toBeGreaterThan(total * 0.6);
  }, 900_000);
});

describe.each(backends)('import fuzzing into $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
  });
  afterAll(async () => close());

  it('imports 150 malformed files for real: refused ones write nothing', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from persons`.execute(store.db)).rows[0]
          ?.n,
      );
    const failures: string[] = [];
    for (let k = 0; k < 150; k++) {
      const source = await input(50_000 + k, validXlsx);
      const before = await count();
      const outcome = await attempt(() => importFile(store, source, {}, registrar));
      const problem = judge(outcome);
      if (problem) failures.push(`input ${k}: ${problem}`);
      if (!outcome.report?.ok && (await count()) !== before)
        failures.push(`input ${k}: refused but wrote persons`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

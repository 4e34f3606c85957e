/** Procedure files read from CSV (plain or HXL) and XLSX alike, every shape problem named by row and field. */
import { describe, expect, it } from 'vitest';
import { readProcedureFile } from './procedure-file.js';
import { tableToXlsx } from './xlsx-write.js';

const columns = [
  { name: 'case', hxl: '#case+id' },
  { name: 'state', hxl: '#country+dest' },
  { name: 'step', hxl: '#x_step' },
  { name: 'date', hxl: '#date' },
  { name: 'outcome', hxl: '#x_outcome' },
  { name: 'expires', hxl: '#date+expiry' },
  { name: 'note', hxl: '#description' },
];
const rows = [
  ['C-0001', 'DEU', 'Visa', '2026-03-01', 'positive', '2026-09-01', 'collected in person'],
  ['C-0002', 'DEU', 'decision', '2026-02-01', 'refused', '', ''],
];

describe('procedure files', () => {
  it('reads the same steps from XLSX with HXL tags and from CSV', async () => {
    const xlsx = await readProcedureFile(
      await tableToXlsx({ columns, rows }, { hxl: true }),
      'xlsx',
    );
    const csv = await readProcedureFile(
      Buffer.from(
        [columns.map((c) => c.name).join(','), ...rows.map((r) => r.join(','))].join('\n'),
      ),
      'csv',
    );
    expect(xlsx.problems).toEqual([]);
    expect(csv.problems).toEqual([]);
    expect(csv.rows.map(({ row: _row, ...r }) => r)).toEqual(
      xlsx.rows.map(({ row: _row, ...r }) => r),
    );
    expect(csv.rows).toEqual([
      {
        row: 2,
        caseId: 'C-0001',
        state: 'DEU',
        step: 'visa',
        date: '2026-03-01',
        outcome: 'positive',
        expires: '2026-09-01',
        note: 'collected in person',
      },
      {
        row: 3,
        caseId: 'C-0002',
        state: 'DEU',
        step: 'decision',
        date: '2026-02-01',
        outcome: 'negative',
        expires: null,
        note: null,
      },
    ]);
  });

  it('names the row and field of every malformed cell, and a missing column', async () => {
    const bad = await readProcedureFile(
      Buffer.from(
        'case,state,step,date,outcome\nC-1,DEU,visa,2026-02-30,positive\nC-2,DEU,visa,2026-02-01,maybe\n',
      ),
      'csv',
    );
    expect(bad.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'date'],
      [3, 'outcome'],
    ]);
    const missing = await readProcedureFile(
      Buffer.from('case,step,date\nC-1,visa,2026-01-01\n'),
      'csv',
    );
    expect(missing.problems).toEqual([
      { row: 1, field: 'state', reason: 'the file has no such column' },
      { row: 1, field: 'outcome', reason: 'the file has no such column' },
    ]);
  });
});

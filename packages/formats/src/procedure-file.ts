/**
 * Procedure steps from a CSV or XLSX file (issue 21): one step a row under plain headers (case,
 * state, step, date, outcome, expires, note) or HXL hashtags. Every row is read and checked for
 * shape; the rows and every problem (row, field, reason) go back, so the import is all or nothing.
 */
import { ProcedureStepInputSchema, type RawRow } from '@corridor/core';
import { readCsvRows } from './csv-read.js';
import { splitHeader } from './table-layout.js';
import { readXlsxRows } from './xlsx-read.js';

/** The fields a row carries, with the column names (plain or HXL) that hold them. */
const columns: Record<string, ProcedureField> = {
  case: 'caseId',
  case_id: 'caseId',
  caseid: 'caseId',
  '#case+id': 'caseId',
  state: 'state',
  destination: 'state',
  '#country+dest': 'state',
  '#loc+dest': 'state',
  step: 'step',
  '#x_step': 'step',
  date: 'date',
  '#date': 'date',
  outcome: 'outcome',
  '#x_outcome': 'outcome',
  expires: 'expires',
  expiry: 'expires',
  '#date+expiry': 'expires',
  note: 'note',
  '#description': 'note',
};

type ProcedureField = 'caseId' | 'state' | 'step' | 'date' | 'outcome' | 'expires' | 'note';

/** A step read from a file, with its row as a spreadsheet shows it. */
export interface ProcedureFileRow {
  row: number;
  caseId: string;
  state: string;
  step: string;
  date: string | null;
  outcome: 'pending' | 'done' | 'positive' | 'negative';
  expires: string | null;
  note: string | null;
}

/** A problem in a procedure file: row, field (column) and reason. */
export interface ProcedureFileProblem {
  row: number;
  field: string;
  reason: string;
}

/** Reads and shape-checks every row of a procedure file (`csv` or `xlsx`). */
export async function readProcedureFile(
  content: Buffer,
  format: 'csv' | 'xlsx',
): Promise<{ rows: ProcedureFileRow[]; problems: ProcedureFileProblem[] }> {
  const data = await splitHeader(format === 'csv' ? readCsvRows(content) : readXlsxRows(content));
  const names = (data.hxl ?? data.header ?? []).map((h, k) => {
    const hxl = data.hxl ? columns[h.trim().toLowerCase().split(/\s+/)[0]!] : undefined;
    return hxl ?? columns[(data.header?.[k] ?? h).trim().toLowerCase()];
  });
  const problems: ProcedureFileProblem[] = [];
  for (const need of ['caseId', 'state', 'step', 'outcome'] as const)
    if (!names.includes(need))
      problems.push({ row: data.headerRow, field: need, reason: 'the file has no such column' });
  const rows: ProcedureFileRow[] = [];
  if (problems.length > 0) return { rows, problems };
  for await (const raw of data.rows as AsyncIterable<RawRow>) {
    if (raw.cells.every((c) => c.trim() === '')) continue;
    const record: Record<string, string | null> = {};
    names.forEach((field, k) => {
      if (!field) return;
      const text = (raw.cells[k] ?? '').trim();
      record[field] = text === '' ? null : text;
    });
    const parsed = ProcedureStepInputSchema.safeParse({
      ...record,
      outcome: record.outcome?.toLowerCase() === 'refused' ? 'negative' : record.outcome,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          row: raw.row,
          field: String(issue.path[0] ?? 'row'),
          reason: issue.message,
        });
      continue;
    }
    const note = record.note ?? null;
    if (note !== null && note.length > 2000)
      problems.push({ row: raw.row, field: 'note', reason: 'longer than 2000 characters' });
    rows.push({
      row: raw.row,
      caseId: parsed.data.caseId,
      state: parsed.data.state,
      step: parsed.data.step,
      date: parsed.data.date ?? null,
      outcome: parsed.data.outcome,
      expires: parsed.data.expires ?? null,
      note,
    });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ row: data.headerRow + 1, field: 'row', reason: 'the file has no steps' });
  return { rows, problems };
}

/**
 * `registry.importForm`: a KoBoToolbox / ODK export (XLSX with repeat groups, or CSV files) or a
 * Primero case export (CSV, JSON), read through a saved mapping and imported all or nothing by the
 * registry import — the same checks and the same writer as `corridor import`.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import {
  CorridorError,
  errors,
  formToRegistry,
  FormMappingSchema,
  type ImportWarning,
} from '@corridor/core';
import { readFormSheets } from '@corridor/formats';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import {
  importDone,
  importProgress,
  maxImportBytes,
  NewOperationInput,
} from '../registry/import.js';
import { readThen } from '../registry/import-file.js';
import { saveImport } from '../registry/import-save.js';
import { FormImportReportOut, type FormImportReport } from './schemas.js';

const FileIn = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .describe('the file name; .xlsx, .csv, .zip (of CSV files) or .json'),
  content: z
    .string()
    .max(Math.ceil((maxImportBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .describe('the file’s bytes, base64-encoded'),
});

/** The refusal of an export with bad rows: 422, the report (at most 1,000 problems) in `details`. */
export function formImportRefusal(report: FormImportReport): CorridorError {
  const refused = errors.importRejected(
    report.problems.length,
    report.badRows.length,
    report.dryRun,
  );
  const capped = { ...report, problems: report.problems.slice(0, 1000) };
  return new CorridorError(refused.id, refused.status, refused.message, {
    badRows: report.badRows,
    problems: capped.problems,
    report: capped,
  });
}

/** The form report a refusal carries, for the CLI, which prints it before the error. */
export function refusedFormReport(error: unknown): FormImportReport | undefined {
  if (!(error instanceof CorridorError) || error.id !== 'import-rejected') return undefined;
  const report = (error.details as { report?: FormImportReport } | undefined)?.report;
  return report && typeof report === 'object' && 'mapping' in report ? report : undefined;
}

/**
 * Reads the export's sheets, joins each repeat-group member to its household (a member whose
 * household is missing is a broken repeat group), checks every column against the mapping, then
 * hands the rows to the registry import. Any problem — the export's or a row's — writes nothing.
 */
export const importForm = defineCommand({
  name: 'registry.importForm',
  summary:
    'Import a KoBoToolbox / ODK export (XLSX with repeat groups, CSV) or a Primero case export through a saved mapping, all or nothing',
  input: z.object({
    mapping: FormMappingSchema.shape.name.describe('the saved mapping to read the export with'),
    files: z
      .array(FileIn)
      .min(1)
      .max(8)
      .describe(
        'the export: one XLSX or JSON file, or the main CSV and then each repeat group’s CSV',
      ),
    dryRun: z.boolean().optional().describe('check the export and report; write nothing'),
    operation: NewOperationInput.optional(),
  }),
  output: FormImportReportOut,
  permission: 'registry.import',
  audit: 'registry.import',
  // As `registry.import`: in the request, or a job with a sealed input on `Prefer: respond-async`.
  job: { kind: 'import-form', sealedInput: true, queue: 'when-asked' },
  async run(ctx, input) {
    const { store, actor, control } = ctx;
    const saved = await store.mappings.get(input.mapping);
    if (!saved) throw errors.notFound('mapping', input.mapping);
    // A mapping saved by an older version may no longer pass: say so, and which field.
    const parsed = FormMappingSchema.safeParse(saved.mapping);
    if (!parsed.success)
      throw errors.invalidInput(
        `mapping ${input.mapping} no longer passes its checks (${parsed.error.issues
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}); save it again`,
      );
    const mapping = parsed.data;
    const files = input.files.map((f) => ({
      name: f.name,
      content: Buffer.from(f.content, 'base64'),
    }));
    const total = files.reduce((n, f) => n + f.content.length, 0);
    if (total > maxImportBytes)
      throw errors.invalidInput(`files: ${total} bytes in all, more than ${maxImportBytes}`);
    const empty = files.find((f) => f.content.length === 0);
    if (empty) throw errors.invalidInput(`files: ${empty.name} is empty`);
    control?.progress({
      phase: 'reading',
      fraction: 0,
      message: `reading ${files.length} file(s)`,
    });
    const hash = createHash('sha256');
    for (const f of files) hash.update(f.content);
    const form = formToRegistry(await readFormSheets(files), mapping);
    const ext = extname(files[0]!.name).slice(1).toLowerCase();
    const progress = control ? importProgress(control) : undefined;
    const rows = form.data.rows;
    const report = await saveImport(ctx, (tx) =>
      tx.registry.importRecords(
        progress ? { ...form.data, rows: readThen(rows, progress.onRead) } : form.data,
        {
          fileHash: hash.digest('hex'),
          fileName: files
            .map((f) => f.name)
            .join(', ')
            .slice(0, 255),
          format: ext === 'xlsx' || ext === 'json' ? ext : 'csv',
          // A broken export is checked row by row too, but nothing of it is written.
          dryRun: Boolean(input.dryRun) || form.problems.length > 0,
          ...(input.operation ? { operation: input.operation } : {}),
        },
        actor,
      ),
    );
    const problems = [...form.problems, ...report.problems.map(form.locate)];
    const badRows = [
      ...new Map(
        problems.map((p) => [`${p.sheet}\u0000${p.row}`, { sheet: p.sheet, row: p.row }]),
      ).values(),
    ];
    const warnings: ImportWarning[] = [
      ...form.warnings,
      ...report.warnings.map((w) => {
        if (w.row === null) return w;
        const at = form.locate({
          row: w.row,
          column: w.column ?? '',
          value: '',
          reason: w.message,
        });
        return { row: at.row, column: w.column && at.column, message: `${at.sheet}: ${at.reason}` };
      }),
    ];
    const out: FormImportReport = {
      ...report,
      ok: problems.length === 0,
      dryRun: Boolean(input.dryRun),
      written: report.written && problems.length === 0,
      mapping: mapping.name,
      source: mapping.source,
      sheets: { households: form.households, members: form.members },
      badRows,
      problems,
      warnings,
    };
    if (!out.ok) throw formImportRefusal(out);
    control?.progress(importDone(out));
    return out;
  },
});

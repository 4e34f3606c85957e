/** `registry.import`: a registry file (CSV, HXL, XLSX or JSON) checked whole, then written all or nothing (M2). */
import { CorridorError, errors, type ImportReport } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { checkCancelled, type PlanningControl } from '../planning/control.js';
import { saveImport } from './import-save.js';
import { importFile } from './import-file.js';

/** The largest registry file the command takes (base64 inflates it by a third on the wire). */
export const maxImportBytes = 48 * 1024 * 1024;

const Counts = z.object({ created: z.number().int(), unchanged: z.number().int() });

/** What an import did or, on a dry run, would do; the same object the CLI's `--json` prints. */
export const ImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  written: z.boolean(),
  file: z.object({ name: z.string(), sha256: z.string(), format: z.string() }),
  kind: z.enum(['persons', 'households']),
  rows: z.number().int(),
  households: Counts.extend({ updated: z.number().int() }),
  persons: Counts.extend({ queuedAsDuplicates: z.number().int() }),
  documents: z.number().int(),
  needs: z.number().int(),
  links: z.number().int(),
  ties: z.number().int(),
  preferences: z.number().int(),
  destinations: z.number().int(),
  duplicatePairs: z.number().int(),
  operation: z.object({ id: z.string(), name: z.string(), created: z.boolean() }).nullable(),
  badRows: z.array(z.number().int()),
  problems: z.array(
    z.object({ row: z.number().int(), column: z.string(), value: z.string(), reason: z.string() }),
  ),
  warnings: z.array(
    z.object({
      row: z.number().int().nullable(),
      column: z.string().nullable(),
      message: z.string(),
    }),
  ),
});

const day = z.iso.date();

/** How to create the operation when the file goes into an empty database. */
export const NewOperationInput = z.object({
  name: z.string().trim().min(1).max(200).describe('the operation’s name'),
  campName: z.string().trim().min(1).max(200).optional().describe('default Camp'),
  campCountry: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 3166 alpha-3 code')
    .optional()
    .describe('default IRQ'),
  airportCode: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an IATA airport code')
    .optional()
    .describe('default BGW'),
  timezone: z.string().min(1).max(64).optional().describe('IANA time zone, default Asia/Baghdad'),
  windowStart: day.optional().describe('first day, default today'),
  windowEnd: day.optional().describe('last day, default two years on'),
});

/** Progress of an import for a bar or a job: rows read (every 1,000), then writing. */
export function importProgress(control: PlanningControl): {
  onRows: (rows: number) => void;
  onRead: (rows: number) => void;
} {
  return {
    onRows: (rows) => {
      checkCancelled(control, 'import');
      control.progress({
        phase: 'reading',
        fraction: 0,
        message: `${rows.toLocaleString('en')} rows read`,
      });
    },
    onRead: (rows) =>
      control.progress({
        phase: 'writing',
        fraction: 0.5,
        message: `${rows.toLocaleString('en')} rows read and checked; writing`,
      }),
  };
}

/** The last progress of an import that went through. */
export function importDone(report: { rows: number; written: boolean }) {
  return {
    phase: 'done',
    fraction: 1,
    message: `${report.rows.toLocaleString('en')} rows ${report.written ? 'imported' : 'checked; nothing written'}`,
  };
}

/** The refusal of a file with bad rows: 422, every bad row (at most 1,000 problems) in `details`. */
export function importRefusal(report: ImportReport): CorridorError {
  const refused = errors.importRejected(
    report.problems.length,
    report.badRows.length,
    report.dryRun,
  );
  return new CorridorError(refused.id, refused.status, refused.message, {
    badRows: report.badRows,
    problems: report.problems.slice(0, 1000),
    report: { ...report, problems: report.problems.slice(0, 1000) },
  });
}

/** The report a refusal carries, for the CLI, which prints it before the error. */
export function refusedImportReport(error: unknown): ImportReport | undefined {
  if (!(error instanceof CorridorError) || error.id !== 'import-rejected') return undefined;
  const report = (error.details as { report?: ImportReport } | undefined)?.report;
  return report && typeof report === 'object' ? report : undefined;
}

/**
 * Imports a registry file. The whole file is read and checked first; a file with any bad row writes
 * nothing and is refused with every bad row (row, column, value — `<redacted>` where it is
 * personal — and reason). Into an empty database it creates the operation (`operation`, or one
 * named after the file).
 */
export const importRegistryFile = defineCommand({
  name: 'registry.import',
  summary: 'Import persons and households from CSV (plain or HXL), XLSX or JSON, all or nothing',
  input: z.object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .describe('the file name (its extension gives the format)'),
    format: z.enum(['csv', 'xlsx', 'json']).optional(),
    content: z
      .string()
      .max(Math.ceil((maxImportBytes * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
      .describe('the file’s bytes, base64-encoded'),
    dryRun: z.boolean().optional().describe('check the file and report; write nothing'),
    operation: NewOperationInput.optional().describe(
      'the operation to create when the database has none (default: named after the file)',
    ),
  }),
  output: ImportReportSchema,
  permission: 'registry.import',
  audit: 'registry.import',
  // Over HTTP it answers in the request, or as a job with `Prefer: respond-async`; the file is
  // personal data, so the job's input is sealed and removed when the job ends (docs/jobs.md).
  job: { kind: 'import', sealedInput: true, queue: 'when-asked' },
  async run(ctx, input) {
    const content = Buffer.from(input.content, 'base64');
    if (content.length === 0) throw errors.invalidInput('content: the file is empty');
    const report = await saveImport(ctx, (store) =>
      importFile(
        store,
        { content, name: input.name },
        {
          ...(input.format ? { format: input.format } : {}),
          ...(input.dryRun ? { dryRun: true } : {}),
          ...(input.operation ? { operation: input.operation } : {}),
          ...(ctx.control ? importProgress(ctx.control) : {}),
        },
        ctx.actor,
      ),
    );
    if (!report.ok) throw importRefusal(report);
    ctx.control?.progress(importDone(report));
    return report;
  },
});

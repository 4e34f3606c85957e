/** Registry files through the API (M2): import a file all or nothing; export persons, households, plans. */
import { CorridorError, errors } from '@corridor/core';
import { exportMediaTypes, exportRegistryFile, importFile } from '@corridor/commands';
import { z } from 'zod';
import { bindCommand } from '../bind-command.js';
import { defineRoute } from '../route.js';

/** The largest registry file the API takes (base64 inflates it by a third). */
const maxImportBytes = 48 * 1024 * 1024;

const Counts = z.object({ created: z.number().int(), unchanged: z.number().int() });
const ImportReportSchema = z.object({
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

/** `POST /api/import`: like `corridor import FILE`; the file travels base64-encoded in JSON. */
export const importRoute = defineRoute('POST /api/import', {
  tag: 'registry files',
  summary: 'Import persons and households from CSV (plain or HXL), XLSX or JSON, all or nothing',
  description:
    'The whole file is checked first. A refused file writes nothing and answers 422 with every ' +
    'bad row (row, column, value — redacted where it is personal data — and reason) in `details`.',
  body: z.object({
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
    dryRun: z.boolean().optional(),
  }),
  bodyLimit: Math.ceil((maxImportBytes * 4) / 3) + 64 * 1024,
  response: ImportReportSchema,
  handler: async ({ body, store, actor }) => {
    const content = Buffer.from(body.content, 'base64');
    if (content.length === 0) throw errors.invalidInput('content: the file is empty');
    const report = await importFile(
      store,
      { content, name: body.name },
      { ...(body.format ? { format: body.format } : {}), ...(body.dryRun ? { dryRun: true } : {}) },
      actor,
    );
    if (!report.ok) {
      const refused = errors.importRejected(
        report.problems.length,
        report.badRows.length,
        Boolean(body.dryRun),
      );
      throw new CorridorError(refused.id, refused.status, refused.message, {
        badRows: report.badRows,
        problems: report.problems.slice(0, 1000),
      });
    }
    return report;
  },
});

/** `GET /api/export/:what`: like `corridor export WHAT`; redacted for roles that may not see names. */
export const exportRoute = bindCommand('GET /api/export/:what', exportRegistryFile, {
  tag: 'registry files',
  description:
    'Persons files are redacted (no names, birth dates, documents, phones, notes or needs) when ' +
    'asked, and always for a role that may not see all of those. Every export is audited.',
  params: { what: 'what' },
  file: { types: exportMediaTypes },
});

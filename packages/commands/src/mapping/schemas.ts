/** The shapes the form-mapping and form-import commands answer with. */
import { FormMappingSchema } from '@corridor/core';
import { z } from 'zod';
import { ImportReportSchema } from '../registry/import.js';

/** A saved mapping with who saved it last. */
export const StoredMappingOut = z.object({
  mapping: FormMappingSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const FormProblemOut = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});

/**
 * The registry import's report, with the export's shape (households and members read) and every
 * problem named at the export's own sheet, row and column.
 */
export const FormImportReportOut = ImportReportSchema.extend({
  mapping: z.string(),
  source: z.string(),
  sheets: z.object({ households: z.number().int(), members: z.number().int() }),
  badRows: z.array(z.object({ sheet: z.string(), row: z.number().int() })),
  problems: z.array(FormProblemOut),
});

/** What `registry.importForm` answers. */
export type FormImportReport = z.output<typeof FormImportReportOut>;

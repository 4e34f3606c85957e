/** `report.situation`: the situation report as an A4 PDF, with its content for the CLI's `--json`. */
import type { SituationReport } from '@corridor/core';
import { situationPdf } from '@corridor/formats';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';
import { situationReport } from './situation-data.js';

/** A day written YYYY-MM-DD that exists. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date');

/** Counts, destinations, the timetable ahead, hazard, exposure and incidents; no personal data. */
export const reportSituation = defineCommand({
  name: 'report.situation',
  summary: 'The situation report as an A4 PDF (counts, timetable ahead, hazard, incidents)',
  input: z.object({
    date: Day.optional().describe('the day the report is about (default: today)'),
  }),
  output: fileOutput(z.custom<SituationReport>((v) => typeof v === 'object' && v !== null)),
  permission: 'operation.report',
  audit: null,
  async run({ store, now, locale }, input) {
    const today = input.date ?? now.toISOString().slice(0, 10);
    const report = await situationReport(store, today);
    return {
      filename: `situation-${today}.pdf`,
      contentType: 'application/pdf',
      content: await situationPdf(report, locale ? { language: locale } : {}),
      summary: report,
    };
  },
});

/** The situation report as a PDF (M10), for the web application's report button. */
import { situationReport } from '@corridor/commands';
import { situationPdf } from '@corridor/formats';
import { z } from 'zod';
import { FileReplySchema } from '../file-reply.js';
import { defineRoute } from '../route.js';

/** `GET /api/report.pdf`: like `corridor report --out FILE.pdf`. */
export const reportRoute = defineRoute('GET /api/report.pdf', {
  tag: 'operation',
  summary: 'The situation report as an A4 PDF (as `corridor report`)',
  description:
    'Counts, destinations, the timetable ahead, hazard, exposure and incidents; no personal data.',
  query: z.object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a real date')
      .optional()
      .describe('the day the report is about (default: today)'),
  }),
  response: FileReplySchema,
  file: { types: ['application/pdf'] },
  handler: async ({ query, store, now }) => {
    const today = query.date ?? now.toISOString().slice(0, 10);
    const pdf = await situationPdf(await situationReport(store, today));
    return { content: pdf, contentType: 'application/pdf', filename: `situation-${today}.pdf` };
  },
});

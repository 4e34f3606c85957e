/** The passenger manifest of a movement as a file (M6): CSV, XLSX, PDF, PAXLST or JSON. */
import { IdSchema } from '@corridor/core';
import { manifestFile } from '@corridor/commands';
import { manifestFormats } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { FileReplySchema } from '../file-reply.js';
import { defineRoute } from '../route.js';
import { wholeNumber } from './params.js';

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  paxlst: 'application/edifact',
  json: 'application/json; charset=utf-8',
} as const;

/** `GET /api/movements/:id/manifest`: like `corridor manifest MOVEMENT --format F`. */
export const manifestRoute = defineRoute('GET /api/movements/:id/manifest', {
  tag: 'movements',
  summary: 'The manifest of a movement: households together, documents checked, check-in counts',
  description:
    'Names, birth dates and document data are what boarding and border authorities need, so ' +
    'only roles that handle boarding may download it; each download is audited.',
  params: z.object({ id: IdSchema }),
  query: z.object({
    format: z.enum(manifestFormats).default('json'),
    minValidityDays: wholeNumber(0, 3650).optional(),
    travelDays: wholeNumber(0, 60).optional(),
  }),
  response: FileReplySchema,
  file: { types: Object.values(mediaTypes) },
  handler: async ({ params, query, store, actor }) => {
    const result = await manifestFile(store, params.id, query.format, {
      minValidityDays: query.minValidityDays ?? 0,
      travelDays: query.travelDays ?? 1,
    });
    await recordExport(store, actor, 'manifest', params.id, {
      format: query.format,
      persons: result.manifest.totals.persons,
    });
    const ext = query.format === 'paxlst' ? 'edi' : query.format;
    return {
      content: result.content,
      contentType: mediaTypes[query.format],
      filename: `manifest-${params.id}.${ext}`,
    };
  },
});

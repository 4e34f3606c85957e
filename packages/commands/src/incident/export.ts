/**
 * `incident.export`: the incident log as CSV in the columns `incident import` reads, audited as an
 * export. Narratives only when asked, and only for a role that may read them.
 */
import { errors, maySee } from '@corridor/core';
import { incidentsCsv } from '@corridor/formats';
import { recordExport } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';

const Flag = z.enum(['true', 'false']).optional();

/** Writes the log; a role that may not read narratives asking for them is refused, not served less. */
export const exportIncidents = defineCommand({
  name: 'incident.export',
  summary: 'The incident log as CSV (HXL row and narratives when asked)',
  input: z.object({
    format: z.enum(['csv']).default('csv'),
    hxl: Flag.describe('add the HXL hashtag row under the header'),
    narratives: Flag.describe('include the protected narratives'),
  }),
  output: fileOutput(z.object({ incidents: z.number().int(), bytes: z.number().int() })),
  permission: 'incident.read',
  audit: 'export',
  async run({ store, actor }, { hxl, narratives }) {
    if (narratives === 'true' && !maySee(actor.role, 'incidentNarrative'))
      throw errors.forbidden(`role ${actor.role} may not read incident narratives`);
    const list = await store.incidents.list();
    const content = Buffer.from(incidentsCsv(list, hxl === 'true', narratives === 'true'), 'utf8');
    await recordExport(store, actor, 'incidents', 'incidents', {
      format: 'csv',
      narratives: narratives === 'true',
      bytes: content.length,
    });
    return {
      filename: 'incidents.csv',
      contentType: 'text/csv; charset=utf-8',
      content,
      summary: { incidents: list.length, bytes: content.length },
    };
  },
});

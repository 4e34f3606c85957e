/** `incident.import`: incidents from a CSV file, all or nothing. */
import { errors, incidentsFromRows, type RawRow } from '@corridor/core';
import { readCsvRows } from '@corridor/formats';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/**
 * Imports incidents from CSV text (plain headers or HXL hashtags), read by the project's one CSV
 * reader; every bad row is reported and nothing is kept when one is wrong.
 */
export const importIncidents = defineCommand({
  name: 'incident.import',
  summary: 'Import incidents from CSV (plain headers or HXL hashtags); all or nothing',
  input: z.object({
    csv: z
      .string()
      .min(1)
      .max(20_000_000)
      .describe(
        'the CSV text: #event+type, #date, #loc+name, #affected+killed, #affected+injured, #meta+source, #meta+confidence',
      ),
  }),
  output: z.object({ imported: z.number().int() }),
  permission: 'incident.write',
  audit: 'incident.add',
  async run({ store, actor }, { csv }) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const rows: RawRow[] = [];
    for await (const row of readCsvRows(Buffer.from(csv, 'utf8'))) rows.push(row);
    const incidents = incidentsFromRows(rows, op.timezone);
    await store.incidents.add(incidents, actor);
    return { imported: incidents.length };
  },
});

import { IncidentSchema, incidentsFromRows, type Incident, type RawRow } from '@corridor/core';
import { readCsvRows } from './csv-read.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { incidentsCsv } from './incident-csv.js';

const incident: Incident = IncidentSchema.parse({
  id: 'I-1',
  type: 'indirect-fire',
  at: '2026-03-01T10:00:00+00:00',
  timezone: 'UTC',
  site: '=HYPERLINK("http://evil.example","Gate 3")',
  lat: -12.5,
  lon: -77.25,
  injured: 2,
  killed: 0,
  source: "@cmd|' /C calc'!A0",
  confidence: 'credible',
  narrative: "+1+cmd|' /C calc'!A0",
  cases: [],
});

describe('incident export', () => {
  it('writes no cell a spreadsheet would run, keeps coordinates numeric, and reads back the same', async () => {
    const csv = incidentsCsv([incident], true, true);
    const cells = (parse(csv) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c))).toEqual([]);
    expect(cells).toEqual(expect.arrayContaining(['-12.5', '-77.25', `'${incident.site}`]));
    const rows: RawRow[] = [];
    for await (const row of readCsvRows(Buffer.from(csv, 'utf8'))) rows.push(row);
    const [back] = incidentsFromRows(rows, 'UTC');
    expect(back).toMatchObject({
      site: incident.site,
      source: incident.source,
      narrative: incident.narrative,
      lat: -12.5,
      lon: -77.25,
    });
  });
});

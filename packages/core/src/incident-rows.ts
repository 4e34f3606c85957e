/**
 * Incidents from the rows of a table file (M8): plain headers, HXL hashtags or both. The file is
 * read by storage's one CSV reader; this module only maps and checks rows, so it stays pure.
 */
import { errors } from './errors.js';
import type { RawRow } from './import-plan.js';
import { incidentTypes, type Incident } from './schemas.js';

/** Column names (plain or HXL hashtag) → incident field. */
const columns: Record<string, keyof Incident> = {
  id: 'id',
  '#event+id': 'id',
  type: 'type',
  '#event+type': 'type',
  at: 'at',
  date: 'at',
  '#date': 'at',
  timezone: 'timezone',
  site: 'site',
  location: 'site',
  '#loc+name': 'site',
  lat: 'lat',
  '#geo+lat': 'lat',
  lon: 'lon',
  '#geo+lon': 'lon',
  injured: 'injured',
  '#affected+injured': 'injured',
  killed: 'killed',
  '#affected+killed': 'killed',
  source: 'source',
  '#meta+source': 'source',
  confidence: 'confidence',
  '#meta+confidence': 'confidence',
  narrative: 'narrative',
  '#description': 'narrative',
  cases: 'cases',
  '#x_cases': 'cases',
};

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The incidents of a table's rows (row numbers as a spreadsheet shows them); every bad row is
 * reported and nothing is returned when one is wrong. `timezone` fills rows that name none.
 */
export function incidentsFromRows(raw: readonly RawRow[], timezone: string): Incident[] {
  const rows = raw
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
  if (rows.length === 0) throw errors.invalidInput('the file is empty');
  let header = rows[0]!.cells.map((h) => h.toLowerCase());
  let start = 1;
  if (rows[1]?.cells.some((c) => c.startsWith('#'))) {
    header = rows[1].cells.map((h, k) =>
      columns[h.toLowerCase()] ? h.toLowerCase() : (header[k] ?? ''),
    );
    start = 2;
  }
  const fields = header.map((h) => columns[h]);
  const problems: string[] = [];
  const out: Incident[] = [];
  for (const { row: line, cells } of rows.slice(start)) {
    const get = (f: keyof Incident) => {
      const i = fields.indexOf(f);
      return i >= 0 ? (cells[i] ?? '') : '';
    };
    const num = (f: keyof Incident, fallback: number | null) => {
      const v = get(f);
      if (v === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n))
        problems.push(`row ${line}, column ${String(f)}: "${v}" is not a number`);
      return n;
    };
    const incident = {
      // Without an id column, an id from the time and the row keeps re-imports from colliding silently.
      id:
        get('id') ||
        `I-${get('at')
          .replace(/[^0-9]/g, '')
          .slice(0, 12)}-${line}`,
      type: get('type') as Incident['type'],
      at: get('at'),
      timezone: get('timezone') || timezone,
      site: get('site'),
      lat: num('lat', null),
      lon: num('lon', null),
      injured: num('injured', 0) ?? 0,
      killed: num('killed', 0) ?? 0,
      source: get('source'),
      confidence: (get('confidence') || 'unverified') as Incident['confidence'],
      narrative: get('narrative') || null,
      cases: get('cases')
        .split(/[\s;]+/)
        .filter(Boolean),
    };
    if (!incidentTypes.includes(incident.type))
      problems.push(
        `row ${line}, column type: "${incident.type}" is not one of ${incidentTypes.join(', ')}`,
      );
    if (incident.injured < 0 || incident.killed < 0)
      problems.push(`row ${line}: casualties cannot be negative`);
    if (!isoWithOffset.test(incident.at) || Number.isNaN(Date.parse(incident.at)))
      problems.push(
        `row ${line}, column at: "${incident.at}" is not an ISO 8601 date-time with an offset`,
      );
    if (!incident.site) problems.push(`row ${line}, column site: required`);
    out.push(incident);
  }
  if (problems.length > 0)
    throw errors.invalidInput(
      `nothing imported; ${problems.length} problem(s): ${problems.join('; ')}`,
      problems,
    );
  return out;
}

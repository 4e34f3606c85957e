/** The incident log as CSV with the HXL hashtag row, in the columns `corridor incident import` reads. */
import type { Incident } from '@corridor/core';
import { tableToCsv } from './csv-write.js';

/** Export columns: name (as the importer reads it) and HXL hashtag. */
const exportColumns: { name: string; hxl: string; cell: (i: Incident) => string }[] = [
  { name: 'id', hxl: '#event+id', cell: (i) => i.id },
  { name: 'type', hxl: '#event+type', cell: (i) => i.type },
  { name: 'at', hxl: '#date', cell: (i) => i.at },
  { name: 'timezone', hxl: '#date+tz', cell: (i) => i.timezone },
  { name: 'site', hxl: '#loc+name', cell: (i) => i.site },
  { name: 'lat', hxl: '#geo+lat', cell: (i) => (i.lat === null ? '' : String(i.lat)) },
  { name: 'lon', hxl: '#geo+lon', cell: (i) => (i.lon === null ? '' : String(i.lon)) },
  { name: 'injured', hxl: '#affected+injured', cell: (i) => String(i.injured) },
  { name: 'killed', hxl: '#affected+killed', cell: (i) => String(i.killed) },
  { name: 'source', hxl: '#meta+source', cell: (i) => i.source },
  { name: 'confidence', hxl: '#meta+confidence', cell: (i) => i.confidence },
  { name: 'cases', hxl: '#x_cases', cell: (i) => i.cases.join(' ') },
];

/** The incident log as CSV (HXL row under the header with `hxl`); narratives only when asked. */
export function incidentsCsv(list: Incident[], hxl: boolean, narratives: boolean): string {
  const columns = narratives
    ? [
        ...exportColumns,
        { name: 'narrative', hxl: '#description', cell: (i: Incident) => i.narrative ?? '' },
      ]
    : exportColumns;
  return tableToCsv(
    {
      columns: columns.map((c) => ({ name: c.name, hxl: c.hxl })),
      rows: list.map((i) => columns.map((c) => c.cell(i))),
    },
    { hxl },
  );
}

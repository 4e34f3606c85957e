/** Writes tables as JSON: `{ "<kind>": [ {column: value, …}, … ] }`, read back by the importer. */
import type { ExportTable } from '@corridor/core';

/** The rows of a table as objects keyed by column name. */
export function tableObjects(table: ExportTable): Record<string, string>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c, k) => [c.name, row[k] ?? ''])),
  );
}

/** The JSON text of a table under `key` (persons, households, …), with any extra members. */
export function tableToJson(
  key: string,
  table: ExportTable,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({ [key]: tableObjects(table), ...extra }, null, 2) + '\n';
}

/** Reads a registry JSON file: an array of row objects, or an object with rows and destinations. */
import { errors, type RawRow, type RegistryFileData } from '@corridor/core';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(';');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Accepts `[{household_id, person_id, …}, …]` or `{ persons | households | rows: [...],
 * destinations?: [...], pledges?: [...] }`; keys are read like CSV headers. Row k is element k.
 */
export function readJsonRegistry(text: string): RegistryFileData {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw errors.invalidInput(`the JSON file cannot be read: ${(error as Error).message}`);
  }
  const body = (Array.isArray(doc) ? { rows: doc } : doc) as Record<string, unknown>;
  if (!body || typeof body !== 'object')
    throw errors.invalidInput('the JSON file must hold an array of rows or an object');
  const list = body.persons ?? body.households ?? body.rows;
  if (list !== undefined && !Array.isArray(list))
    throw errors.invalidInput('persons, households or rows must be an array');
  const records = (list ?? []) as unknown[];
  const header: string[] = [];
  const known = new Set<string>();
  for (const r of records) {
    if (!r || typeof r !== 'object' || Array.isArray(r))
      throw errors.invalidInput('every row of a JSON file must be an object');
    for (const k of Object.keys(r)) {
      if (known.has(k)) continue;
      known.add(k);
      header.push(k);
    }
  }
  const rows: RawRow[] = records.map((r, k) => ({
    row: k + 1,
    cells: header.map((h) => cell((r as Record<string, unknown>)[h])),
  }));
  const arrayOrUndefined = (v: unknown): unknown[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) throw errors.invalidInput('destinations and pledges must be arrays');
    return v;
  };
  const destinations = arrayOrUndefined(body.destinations);
  const pledges = arrayOrUndefined(body.pledges);
  return {
    header: records.length === 0 ? null : header,
    hxl: null,
    headerRow: 0,
    rows,
    ...(destinations ? { destinations } : {}),
    ...(pledges ? { pledges } : {}),
  };
}

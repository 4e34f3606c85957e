/** Finds the header and HXL hashtag rows at the top of a file and hands on the data rows. */
import { isHxlRow, type RawRow, type RegistryFileData } from '@corridor/core';

/** HXL allows title rows above the hashtag row; this many rows are searched for it. */
const hxlSearchRows = 25;

const blank = (r: RawRow) => r.cells.every((c) => c.trim() === '');

async function* chain(first: RawRow[], rest: AsyncIterator<RawRow>): AsyncGenerator<RawRow> {
  yield* first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Splits a row stream into header, hashtag row and data. A hashtag row within the first rows
 * makes the row just above it the header (if any); without one, the first non-blank row is the
 * header.
 */
export async function splitHeader(rows: AsyncIterable<RawRow>): Promise<RegistryFileData> {
  const it = rows[Symbol.asyncIterator]();
  const seen: RawRow[] = [];
  while (seen.length < hxlSearchRows) {
    const next = await it.next();
    if (next.done) break;
    seen.push(next.value);
    const k = seen.length - 1;
    if (isHxlRow(next.value.cells)) {
      const above = k > 0 ? seen[k - 1]! : undefined;
      return {
        header: above && !blank(above) ? above.cells : null,
        hxl: next.value.cells,
        headerRow: next.value.row,
        rows: chain([], it),
      };
    }
  }
  const h = seen.findIndex((r) => !blank(r));
  if (h < 0) return { header: null, hxl: null, headerRow: 0, rows: chain([], it) };
  return {
    header: seen[h]!.cells,
    hxl: null,
    headerRow: seen[h]!.row,
    rows: chain(seen.slice(h + 1), it),
  };
}

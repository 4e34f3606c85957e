/** HXL (Humanitarian Exchange Language) hashtags: parse, compare and find the hashtag row. */

/** A hashtag with its attributes, e.g. `#affected+hh+id` → affected, {hh, id}. */
export interface HxlTag {
  hashtag: string;
  attributes: string[];
}

const tagPattern = /^#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$/i;

/** True when a cell holds an HXL hashtag spec (a hashtag and optional +attributes). */
export function isHxlTag(cell: string): boolean {
  return tagPattern.test(cell.trim());
}

/** Parses a hashtag spec; attributes are lower-cased, de-duplicated and sorted. */
export function parseHxlTag(cell: string): HxlTag | undefined {
  if (!isHxlTag(cell)) return undefined;
  const [hashtag, ...attributes] = cell.trim().toLowerCase().replace(/\s+/g, '').split('+');
  return { hashtag: hashtag!, attributes: [...new Set(attributes)].sort() };
}

/** The canonical form of a hashtag spec: attribute order and case do not matter in HXL. */
export function normalizeHxlTag(cell: string): string | undefined {
  const tag = parseHxlTag(cell);
  return tag ? [tag.hashtag, ...tag.attributes].join('+') : undefined;
}

/** True for a hashtag row: at least one hashtag, and every non-empty cell is one. */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.every(isHxlTag);
}

/** Duplicate detection over registered persons: rules that put pairs in a review queue. */

/** Folds accents, case, punctuation and spacing so that spellings of one name compare equal. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .sort()
    .join(' ');
}

/** Jaro–Winkler similarity in [0, 1] of two strings. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = true;
      bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** What a duplicate rule needs to know of one person. */
export interface DedupSubject {
  personId: string;
  householdId: string;
  fullName: string;
  birthYear: number | null;
  householdSize: number;
}

/** A pair of persons that may be one person, with the rule that matched. */
export interface DedupCandidate {
  a: string;
  b: string;
  rule: 'same-document' | 'similar-name';
  score: number;
}

/** Default similarity above which two names are treated as possibly the same person. */
export const nameSimilarityThreshold = 0.95;

interface Subject {
  id: string;
  household: string;
  name: string;
}

/**
 * Finds pairs with a similar name, the same birth year and the same household size.
 * Persons are blocked by (birth year, household size) so the work stays near-linear; members of
 * one household are registered together and are not compared with each other.
 */
export function similarNamePairs(
  subjects: readonly DedupSubject[],
  threshold = nameSimilarityThreshold,
): DedupCandidate[] {
  const blocks = new Map<string, Subject[]>();
  for (const s of subjects) {
    if (s.birthYear === null) continue;
    const key = `${s.birthYear}|${s.householdSize}`;
    const list = blocks.get(key) ?? [];
    list.push({ id: s.personId, household: s.householdId, name: normalizeName(s.fullName) });
    blocks.set(key, list);
  }
  const out: DedupCandidate[] = [];
  for (const list of blocks.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i] as Subject;
        const y = list[j] as Subject;
        if (x.household === y.household) continue;
        const score = jaroWinkler(x.name, y.name);
        if (score >= threshold) out.push({ ...orderPair(x.id, y.id), rule: 'similar-name', score });
      }
    }
  }
  return out;
}

/** Orders a pair of ids so that each pair has one canonical form. */
export function orderPair(a: string, b: string): { a: string; b: string } {
  return a < b ? { a, b } : { a: b, b: a };
}

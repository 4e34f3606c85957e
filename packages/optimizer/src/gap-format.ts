/** Generalised assignment files in the OR-Library / Yagiura format (see ../shared/data/gap). */

/** One GAP problem: m agents, n jobs, cost and resource matrices (agent-major), capacities. */
export interface GapProblem {
  name: string;
  m: number;
  n: number;
  /** cost[i][j] of giving job j to agent i. */
  cost: number[][];
  /** use[i][j] of agent i's capacity when it does job j. */
  use: number[][];
  capacity: number[];
}

/** A malformed file: the message names the token position and what was expected. */
export class GapFormatError extends Error {
  constructor(name: string, message: string) {
    super(`${name}: ${message}`);
    this.name = 'GapFormatError';
  }
}

function tokens(text: string, name: string): number[] {
  const parts = text.split(/\s+/).filter((t) => t.length > 0);
  return parts.map((t, k) => {
    const v = Number(t);
    if (!Number.isFinite(v))
      throw new GapFormatError(name, `token ${k + 1} "${t.slice(0, 20)}" is not a number`);
    return v;
  });
}

function problemSize(m: number, n: number): number {
  return 2 + 2 * m * n + m;
}

function readOne(t: number[], at: number, name: string): { problem: GapProblem; next: number } {
  const m = t[at];
  const n = t[at + 1];
  if (m === undefined || n === undefined)
    throw new GapFormatError(name, `expected "m n" at token ${at + 1}, found the end of the file`);
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 1 || n < 1) {
    throw new GapFormatError(
      name,
      `token ${at + 1}: m and n must be whole numbers ≥ 1, found ${m} and ${n}`,
    );
  }
  const size = problemSize(m, n);
  if (t.length < at + size) {
    throw new GapFormatError(
      name,
      `expected ${size} numbers for m=${m}, n=${n} (2 + 2·m·n + m) from token ${at + 1}, but the file has only ${t.length - at}`,
    );
  }
  let k = at + 2;
  const matrix = () => Array.from({ length: m }, () => Array.from({ length: n }, () => t[k++]!));
  const cost = matrix();
  const use = matrix();
  const capacity = Array.from({ length: m }, () => t[k++]!);
  for (let i = 0; i < m; i++) {
    if (capacity[i]! < 0)
      throw new GapFormatError(name, `capacity of agent ${i + 1} is negative (${capacity[i]})`);
    for (let j = 0; j < n; j++) {
      if (use[i]![j]! < 0)
        throw new GapFormatError(name, `resource use of agent ${i + 1}, job ${j + 1} is negative`);
    }
  }
  return { problem: { name, m, n, cost, use, capacity }, next: k };
}

/**
 * Parses a file holding one problem ("m n …"), or several with a leading problem count
 * ("P m n … m n …", as the OR-Library originals); problems of a multi-problem file are named
 * `name-0`, `name-1`, ….
 */
export function parseGap(text: string, name: string): GapProblem[] {
  const t = tokens(text, name);
  if (t.length === 0) throw new GapFormatError(name, 'the file is empty');
  const [a, b] = [t[0]!, t[1]];
  if (b !== undefined && t.length === problemSize(a, b)) return [readOne(t, 0, name).problem];
  const count = a;
  if (Number.isInteger(count) && count >= 1 && t.length > 3) {
    try {
      const out: GapProblem[] = [];
      let at = 1;
      for (let k = 0; k < count; k++) {
        const { problem, next } = readOne(t, at, `${name}-${k}`);
        out.push(problem);
        at = next;
      }
      if (at === t.length) return out;
    } catch {
      // Not a multi-problem file either: report it as a single problem below.
    }
  }
  return [readOne(t, 0, name).problem];
}

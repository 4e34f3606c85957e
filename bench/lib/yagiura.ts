/**
 * GAP instances generated like the published types C, D and E (Chu and Beasley 1997 for C;
 * Laguna, Kelly, González-Velarde and Glover 1995 for D and E; the sets Yagiura, Ibaraki and
 * Glover compare on), with seeds and sizes of our own: a check that a change to the search is not
 * a fit to the published files. Written as GAP-format text (`parseGap` reads it).
 *
 * - C: use r_ij uniform in [5, 25], cost c_ij uniform in [10, 50];
 * - D: r_ij uniform in [1, 100], c_ij = 111 − r_ij + e with e uniform in [−10, 10];
 * - E: r_ij = 1 − ⌊10 ln x⌋ with x uniform in (0, 1], c_ij = ⌊1000 / r_ij − 10 y⌋ with y uniform in [0, 1];
 *
 * and every agent's capacity b_i = ⌊0.8 Σ_j r_ij / m⌋.
 */
import { createRandom } from '@corridor/core';

export type YagiuraType = 'c' | 'd' | 'e';

/** A generated problem's text, e.g. `yagiuraText('d', 10, 100, 7)`. */
export function yagiuraText(type: YagiuraType, m: number, n: number, seed: number): string {
  const r = createRandom(seed * 1009 + m * 31 + n);
  const use: number[][] = [];
  const cost: number[][] = [];
  for (let i = 0; i < m; i++) {
    const ui: number[] = [];
    const ci: number[] = [];
    for (let j = 0; j < n; j++) {
      if (type === 'c') {
        ui.push(r.int(5, 25));
        ci.push(r.int(10, 50));
      } else if (type === 'd') {
        const u = r.int(1, 100);
        ui.push(u);
        ci.push(111 - u + r.int(-10, 10));
      } else {
        const u = 1 - Math.floor(10 * Math.log(1 - r.next()));
        ui.push(u);
        ci.push(Math.floor(1000 / u - 10 * r.next()));
      }
    }
    use.push(ui);
    cost.push(ci);
  }
  const capacity = use.map((ui) => Math.floor((0.8 * ui.reduce((s, v) => s + v, 0)) / m));
  const rows = (matrix: number[][]) => matrix.map((row) => row.join(' ')).join('\n');
  return `${m} ${n}\n${rows(cost)}\n${rows(use)}\n${capacity.join(' ')}\n`;
}

/**
 * Specs like `d10x100s7` (type, agents x jobs, seed), comma-separated, as GAP_GENERATED takes them.
 */
export function parseSpecs(
  text: string,
): { name: string; type: YagiuraType; m: number; n: number; seed: number }[] {
  return text.split(',').map((spec) => {
    const match = /^([cde])(\d+)x(\d+)s(\d+)$/.exec(spec.trim());
    if (!match) throw new Error(`GAP_GENERATED: "${spec}" is not like d10x100s7`);
    return {
      name: spec.trim(),
      type: match[1] as YagiuraType,
      m: Number(match[2]),
      n: Number(match[3]),
      seed: Number(match[4]),
    };
  });
}

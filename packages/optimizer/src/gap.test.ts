import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GapFormatError, parseGap } from './gap-format.js';
import { gapToInstance, solveGap } from './gap.js';
import { loadHighs } from './load-highs.js';
import { solve } from './solve.js';

const data = join(import.meta.dirname, '../../../../shared/data/gap');
const optima = new Map(
  readFileSync(join(data, 'cattrysse1994_min_max_optima.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((c) => [c[0]!.replace('cattrysse1994/', ''), { min: Number(c[6]), max: Number(c[7]) }]),
);

describe('GAP files', () => {
  it('reads OR-Library problems by tokens', () => {
    const [p] = parseGap(readFileSync(join(data, 'cattrysse1994/gap1-0'), 'utf8'), 'gap1-0');
    expect(p).toMatchObject({ m: 5, n: 15 });
    expect(p!.cost).toHaveLength(5);
    expect(p!.use[4]).toHaveLength(15);
    expect(p!.capacity).toHaveLength(5);
  });

  it('reads a file with a leading problem count', () => {
    const one = readFileSync(join(data, 'cattrysse1994/gap1-0'), 'utf8');
    const two = readFileSync(join(data, 'cattrysse1994/gap1-1'), 'utf8');
    const problems = parseGap(`2\n${one}\n${two}`, 'gap1');
    expect(problems.map((p) => p.name)).toEqual(['gap1-0', 'gap1-1']);
  });

  it('names what is wrong with a malformed file', () => {
    expect(() => parseGap('', 'empty')).toThrow(/empty: the file is empty/);
    expect(() => parseGap('2 3 1 1 x', 'bad')).toThrow(/token 5 "x" is not a number/);
    expect(() => parseGap('2 3 1 2 3', 'short')).toThrow(GapFormatError);
    expect(() => parseGap('2 3 1 2 3', 'short')).toThrow(/expected 16 numbers for m=2, n=3/);
  });

  it('solves OR-Library problems to their published optima in both senses', async () => {
    const highs = await loadHighs();
    for (const name of ['gap1-0', 'gap4-3', 'gap8-1']) {
      const text = readFileSync(join(data, `cattrysse1994/${name}`), 'utf8');
      const [min] = solveGap(text, name, { sense: 'min', timeLimitMs: 10_000, highs });
      expect(min).toMatchObject({ status: 'optimal', objective: optima.get(name)!.min });
      const [max] = solveGap(text, name, { sense: 'max', timeLimitMs: 10_000, highs });
      expect(max).toMatchObject({ status: 'optimal', objective: optima.get(name)!.max });
      expect(min!.assignment).toHaveLength(min!.n);
    }
  });

  it('proves every gap1–12 problem optimal without HiGHS, in both senses', () => {
    const sources = new Set<string>();
    for (const [name, optimum] of optima) {
      const [problem] = parseGap(readFileSync(join(data, `cattrysse1994/${name}`), 'utf8'), name);
      for (const sense of ['min', 'max'] as const) {
        const result = solve(gapToInstance(problem!, sense), { timeLimitMs: 10_000, targetGap: 0 });
        const flip = sense === 'min' ? -1 : 1;
        expect({ name, sense, status: result.status, objective: flip * result.objective }).toEqual({
          name,
          sense,
          status: 'optimal',
          objective: optimum[sense],
        });
        expect(result.bound).toBe(result.objective);
        sources.add(result.stats.boundSource);
      }
    }
    // The proof is the engine's own: the knapsack relaxation, with branch and bound when needed.
    expect([...sources].sort()).toEqual(['assignment', 'branch-and-bound']);
  });
});

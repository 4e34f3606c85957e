import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimiseMultipliers } from './assignment-bound.js';
import { AssignmentRelaxation } from './assignment-relaxation.js';
import { parseGap } from './gap-format.js';
import { gapToInstance } from './gap.js';
import { lpBound, solveExact } from './highs-model.js';
import { loadHighs } from './load-highs.js';
import { compile, type Model } from './model.js';
import { randomInstance } from './test-support/random-instance.js';

const data = join(import.meta.dirname, '../../../../shared/data/gap');

function rootOf(model: Model) {
  return {
    allowed: new Uint8Array(model.pairWeight.length).fill(1),
    forced: new Int32Array(model.n).fill(-3),
  };
}

/** The relaxation's best bound from the LP's prices, after a subgradient run. */
function assignmentBound(model: Model, prices: Float64Array, target: number) {
  const relax = new AssignmentRelaxation(model);
  const root = rootOf(model);
  const start = relax.fromPrices(prices, root);
  const startValue = relax.evaluate(start, root);
  const run = optimiseMultipliers(relax, root, start, target, {
    maxIterations: 500,
    deadline: Infinity,
    theta: 1,
    stall: 20,
    cutoff: -Infinity,
  });
  return { relax, startValue, bound: run.bound };
}

describe('assignment relaxation', () => {
  it('makes every GAP agent a knapsack and bounds at least as tightly as the LP', async () => {
    const highs = await loadHighs();
    for (const name of ['gap1-2', 'gap4-3', 'gap6-0']) {
      const [problem] = parseGap(readFileSync(join(data, `cattrysse1994/${name}`), 'utf8'), name);
      const model = compile(gapToInstance(problem!, 'min'));
      const fixed = new Int32Array(model.n).fill(-3);
      const lp = lpBound(highs, model, fixed, 10_000);
      const exact = solveExact(highs, model, fixed, new Int32Array(model.n).fill(-1), 10_000);
      expect(exact.status).toBe('optimal');
      const { relax, startValue, bound } = assignmentBound(model, lp.prices, exact.objective);
      expect(Array.from(relax.knapsackOf)).toEqual(Array.from({ length: problem!.m }, (_, i) => i));
      expect(relax.priced.every((p) => p === 0)).toBe(true);
      // From the LP's duals the relaxation starts at or below the LP bound and only goes down.
      expect(startValue).toBeLessThanOrEqual(lp.bound + 1e-6);
      expect(bound).toBeLessThanOrEqual(lp.bound + 1e-6);
      expect(bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
    }
  });

  it('stays a valid bound with shared resources priced out and linked items', async () => {
    const highs = await loadHighs();
    for (let seed = 20; seed < 26; seed++) {
      const model = compile(
        randomInstance({ items: 16, bins: 4, seed, shared: seed % 2 === 0, links: 2 }),
      );
      const fixed = new Int32Array(model.n).fill(-3);
      const exact = solveExact(highs, model, fixed, new Int32Array(model.n).fill(-1), 10_000);
      expect(exact.status).toBe('optimal');
      const zero = new Float64Array(model.resources);
      const { relax, bound } = assignmentBound(model, zero, exact.objective);
      if (seed % 2 === 0) expect(relax.priced.some((p) => p === 1)).toBe(true);
      expect(bound).toBeGreaterThanOrEqual(exact.objective - 1e-6);
    }
  });

  it('bounds a forced-in pair from the knapsack curve no lower than re-solving with it', () => {
    const [problem] = parseGap(readFileSync(join(data, 'cattrysse1994/gap2-1'), 'utf8'), 'gap2-1');
    const model = compile(gapToInstance(problem!, 'max'));
    const relax = new AssignmentRelaxation(model, true);
    const root = rootOf(model);
    const mu = relax.fromPrices(new Float64Array(model.resources).fill(0.5), root);
    const value = relax.evaluate(mu, root);
    const bounds = Array.from({ length: model.pairWeight.length }, (_, p) =>
      relax.boundWith(p, value, mu),
    );
    let checked = 0;
    for (let p = 0; p < model.pairWeight.length; p++) {
      if (relax.x[p]) continue;
      const forced = root.forced.slice();
      forced[relax.itemOfPair[p]!] = p;
      const exact = relax.evaluate(mu, { allowed: root.allowed, forced });
      expect(bounds[p]!).toBeGreaterThanOrEqual(exact - 1e-6);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

import { describe, expect, it } from 'vitest';
import { lpBound } from './highs-model.js';
import type { Instance } from './instance.js';
import { relax } from './lagrangian.js';
import { columnLp } from './lp-columns.js';
import { loadHighs } from './load-highs.js';
import { compile } from './model.js';
import { solve } from './solve.js';
import { randomInstance } from './test-support/random-instance.js';

/** Recomputes the objective and every resource's use from the assignment alone. */
function recompute(instance: Instance, assignment: Int32Array) {
  const used = new Array<number>(instance.resources.length).fill(0);
  let objective = 0;
  instance.items.forEach((item, i) => {
    const pair = item.pairs.find((p) => p.bin === assignment[i]);
    if (!pair) {
      objective -= item.penalty;
      return;
    }
    objective += pair.weight;
    for (const [r, a] of pair.use) used[r]! += a;
  });
  return { objective, used };
}

describe('the LP by column generation', () => {
  const instance = randomInstance({ items: 400, bins: 12, seed: 5, shared: true, tightness: 0.7 });
  const model = compile(instance);
  const free = new Int32Array(model.n).fill(-3);

  it('reaches the LP optimum of the whole model from one best pair per item', async () => {
    const highs = await loadHighs();
    const whole = lpBound(highs, model, free, 30_000);
    const prices = new Float64Array(model.resources);
    // A quarter of the items with one pair each: the rest enter, and pairs are priced in.
    const lp = columnLp(highs, model, free, prices, performance.now() + 30_000, 100, 1);
    expect(lp.converged).toBe(true);
    expect(lp.rounds).toBeGreaterThan(1);
    expect(lp.columns).toBeLessThan(model.pairWeight.length);
    expect(lp.bound).toBeCloseTo(whole.bound, 4);
    // The bound is the Lagrangian value at the prices it returns.
    const use = new Float64Array(model.resources);
    expect(relax(model, lp.prices, free, use)).toBeCloseTo(lp.bound, 6);
  });

  it('keeps a valid bound when stopped after its first LP', async () => {
    const highs = await loadHighs();
    const whole = lpBound(highs, model, free, 30_000);
    const prices = new Float64Array(model.resources);
    // A deadline already past: the first LP only (it always runs), whose bound is valid too.
    const first = columnLp(highs, model, free, prices, performance.now() - 1, 100, 1);
    expect(first.rounds).toBe(1);
    expect(first.converged).toBe(false);
    expect(first.x).not.toBeNull();
    expect(first.bound).toBeGreaterThanOrEqual(whole.bound - 1e-6 * Math.abs(whole.bound));
    const lp = columnLp(highs, model, free, prices, performance.now() + 30_000, 100, 1);
    expect(lp.bound).toBeGreaterThanOrEqual(whole.bound - 1e-6 * Math.abs(whole.bound));
  });

  it('gives solve its bound and a feasible plan above lpPairLimit, with locks kept', async () => {
    const highs = await loadHighs();
    const locks = new Map([
      [0, instance.items[0]!.pairs[0]!.bin],
      [1, -1],
    ]);
    // Neither the MIP nor the assignment relaxation after it: the bound is the column LP's.
    const result = solve(instance, {
      highs,
      timeLimitMs: 4_000,
      lpPairLimit: 100,
      exactPairLimit: 0,
      assignmentPairLimit: 0,
      locks,
    });
    expect(result.stats.boundSource).toBe('highs-lp');
    expect(result.assignment[0]).toBe(instance.items[0]!.pairs[0]!.bin);
    expect(result.assignment[1]).toBe(-1);
    const { objective, used } = recompute(instance, result.assignment);
    expect(result.objective).toBeCloseTo(objective, 6);
    instance.resources.forEach((r, k) => expect(used[k]).toBeLessThanOrEqual(r.capacity + 1e-9));
    expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
    const fixed = new Int32Array(model.n).fill(-3);
    fixed[0] = model.pairStart[0]!;
    fixed[1] = -1;
    const lockedLp = lpBound(highs, model, fixed, 30_000);
    expect(result.bound).toBeLessThanOrEqual(lockedLp.bound + 1e-6 * Math.abs(lockedLp.bound));
    // The plan's integral objective rounds the bound down: within 1 of the LP optimum.
    expect(result.bound).toBeGreaterThan(lockedLp.bound - 1);
  });

  it('leaves solve total when every item is locked', async () => {
    const highs = await loadHighs();
    const locks = new Map(instance.items.map((item, i) => [i, i % 2 ? -1 : item.pairs[0]!.bin]));
    const result = solve(instance, { highs, timeLimitMs: 2_000, lpPairLimit: 100, locks });
    instance.items.forEach((item, i) =>
      expect(result.assignment[i]).toBe(i % 2 ? -1 : item.pairs[0]!.bin),
    );
    expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
  });
});

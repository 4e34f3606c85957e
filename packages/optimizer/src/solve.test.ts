import { describe, expect, it } from 'vitest';
import { InstanceError, type Instance } from './instance.js';
import { loadHighs } from './load-highs.js';
import type { SolveResult } from './result.js';
import { solve } from './solve.js';
import { randomInstance } from './test-support/random-instance.js';

/** Recomputes use per resource and the objective from the assignment alone. */
function check(instance: Instance, result: SolveResult): void {
  const used = new Array<number>(instance.resources.length).fill(0);
  let objective = 0;
  instance.items.forEach((item, i) => {
    const bin = result.assignment[i]!;
    if (bin < 0) {
      objective -= item.penalty;
      return;
    }
    const pair = item.pairs.find((p) => p.bin === bin);
    expect(pair, `item ${i} placed in a bin it is not eligible for`).toBeDefined();
    objective += pair!.weight;
    for (const [r, a] of pair!.use) used[r]! += a;
  });
  instance.resources.forEach((r, k) => expect(used[k]).toBeLessThanOrEqual(r.capacity + 1e-9));
  expect(result.objective).toBeCloseTo(objective, 6);
  expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
  for (const group of instance.links ?? []) {
    expect(new Set(group.map((i) => result.assignment[i])).size).toBe(1);
  }
}

describe('solve', () => {
  const shapes = [
    { items: 30, bins: 4, seed: 1 },
    { items: 60, bins: 6, seed: 2, shared: true },
    { items: 80, bins: 5, seed: 3, links: 6 },
    { items: 120, bins: 8, seed: 4, density: 0.3, tightness: 1.2 },
    { items: 50, bins: 5, seed: 5, tightness: 0.5 },
  ];

  it.each(shapes)('returns a feasible plan with a valid bound (%o)', (shape) => {
    const instance = randomInstance(shape);
    const result = solve(instance, { maxIterations: 300 });
    check(instance, result);
    expect(['optimal', 'feasible', 'infeasible']).toContain(result.status);
  });

  it('matches the HiGHS optimum on small random instances', async () => {
    const highs = await loadHighs();
    for (let seed = 10; seed < 16; seed++) {
      const instance = randomInstance({
        items: 14,
        bins: 4,
        seed,
        shared: seed % 2 === 0,
        links: 1,
      });
      const withHighs = solve(instance, { highs });
      check(instance, withHighs);
      const plain = solve(instance, { maxIterations: 2000 });
      check(instance, plain);
      // HiGHS proves the optimum; the engine alone must never claim more than it.
      expect(['optimal', 'infeasible']).toContain(withHighs.status);
      expect(withHighs.bound).toBeCloseTo(withHighs.objective, 6);
      expect(plain.objective).toBeLessThanOrEqual(withHighs.objective + 1e-6);
      expect(plain.bound).toBeGreaterThanOrEqual(withHighs.objective - 1e-6);
      // Without HiGHS the engine proves it too (knapsack relaxation and branch and bound).
      expect(plain.objective).toBeCloseTo(withHighs.objective, 6);
      expect(plain.bound).toBeCloseTo(withHighs.objective, 6);
    }
  });

  it('never claims a proof from the knapsack relaxation when locks alone overfill a bin', () => {
    const instance: Instance = {
      resources: [
        { name: 'seats a', capacity: 2 },
        { name: 'seats b', capacity: 5 },
      ],
      bins: [{ name: 'a' }, { name: 'b' }],
      items: Array.from({ length: 4 }, (_, i) => ({
        name: `case ${i}`,
        penalty: 50,
        pairs: [
          { bin: 0, weight: 10 + i, use: [[0, 2]] as [number, number][] },
          { bin: 1, weight: 1, use: [[1, 2]] as [number, number][] },
        ],
      })),
    };
    const result = solve(instance, {
      locks: new Map([
        [0, 0],
        [1, 0],
      ]),
    });
    expect(result.assignment[0]).toBe(0);
    expect(result.assignment[1]).toBe(0);
    expect(result.stats.boundSource).not.toBe('assignment');
    expect(result.bound).toBeGreaterThanOrEqual(result.objective);
  });

  it('keeps locked items where they are locked and linked items together', () => {
    const instance = randomInstance({ items: 40, bins: 4, seed: 7, links: 4, density: 1 });
    const locks = new Map([
      [10, 3],
      [11, 0],
      [12, -1],
    ]);
    const result = solve(instance, { locks });
    check(instance, result);
    expect(result.assignment[10]).toBe(3);
    expect(result.assignment[11]).toBe(0);
    expect(result.assignment[12]).toBe(-1);
    expect(result.reasons[10]?.kind).toBe('locked');
  });

  it('reports infeasible capacity with the shortfall and still a partial plan', () => {
    const instance: Instance = {
      resources: [{ name: 'seats', capacity: 5 }],
      bins: [{ name: 'flight' }],
      items: [3, 3, 2].map((size, i) => ({
        name: `case ${i}`,
        penalty: 100 * size,
        pairs: [{ bin: 0, weight: 10 * size, use: [[0, size]] }],
      })),
    };
    const result = solve(instance);
    check(instance, result);
    expect(result.status).toBe('infeasible');
    expect(result.unplaced).toBe(1);
    expect(result.resources[0]).toMatchObject({ name: 'seats', used: 5, shortfall: 3 });
    expect(result.reasons.find((r) => r.bin < 0)?.kind).toBe('unplaced-capacity');
  });

  it('says what is wrong with an invalid instance instead of solving it', () => {
    const bad = {
      resources: [{ name: 'x', capacity: -1 }],
      bins: [{ name: 'b' }],
      items: [{ name: 'i', penalty: 1, pairs: [{ bin: 3, weight: Number.NaN, use: [[9, 1]] }] }],
    } as Instance;
    expect(() => solve(bad)).toThrow(InstanceError);
    try {
      solve(bad);
    } catch (error) {
      const paths = (error as InstanceError).problems.map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'resources[0].capacity',
          'items[0].pairs[0].bin',
          'items[0].pairs[0].weight',
          'items[0].pairs[0].use',
        ]),
      );
    }
  });

  it('is deterministic for a seed', () => {
    const instance = randomInstance({ items: 100, bins: 6, seed: 8, shared: true });
    // The move limit, not the clock, ends the search (it runs until then while the gap is open).
    const options = { seed: 3, maxIterations: 200, tabuIterations: 20_000, timeLimitMs: 60_000 };
    const a = solve(instance, options);
    const b = solve(instance, options);
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(a.objective).toBe(b.objective);
  });

  it('stops when the progress callback says so', () => {
    const instance = randomInstance({ items: 200, bins: 8, seed: 9, density: 0.5 });
    const result = solve(instance, { targetGap: 0, progress: () => false });
    expect(result.status).toBe('stopped');
    check(instance, result);
  });

  it('keeps warm-start bins when the change penalty outweighs the gains of moving', () => {
    const instance = randomInstance({ items: 60, bins: 5, seed: 12, density: 1, tightness: 1.2 });
    const first = solve(instance);
    const reweighted: Instance = {
      ...instance,
      items: instance.items.map((item, i) => ({
        ...item,
        pairs: item.pairs.map((p) => ({ ...p, weight: ((p.weight * (i + 7)) % 97) + 1 })),
      })),
    };
    const free = solve(reweighted);
    const movedFree = Array.from(free.assignment).filter(
      (b, i) => b !== first.assignment[i],
    ).length;
    expect(movedFree).toBeGreaterThan(0);
    const kept = solve(reweighted, { warmStart: first.assignment, changePenalty: 1000 });
    check(reweighted, {
      ...kept,
      objective:
        kept.objective -
        1000 * 60 +
        1000 * Array.from(kept.assignment).filter((b, i) => b !== first.assignment[i]).length,
      bound: Infinity,
    });
    expect(Array.from(kept.assignment).filter((b, i) => b !== first.assignment[i]).length).toBe(0);
    expect(kept.reasons.every((r) => r.kind === 'kept')).toBe(true);
  });
});

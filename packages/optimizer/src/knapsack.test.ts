import { createRandom } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { KnapsackSolver } from './knapsack.js';

/** The optimum by trying every subset (small counts only). */
function bruteForce(profit: number[], weight: number[], capacity: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << profit.length; mask++) {
    let p = 0;
    let w = 0;
    for (let k = 0; k < profit.length; k++) {
      if (!(mask & (1 << k))) continue;
      p += profit[k]!;
      w += weight[k]!;
    }
    if (w <= capacity && p > best) best = p;
  }
  return best;
}

function buildKnapsack(seed: number) {
  const r = createRandom(seed);
  const count = r.int(0, 12);
  const capacity = r.int(0, 40);
  const weight = Array.from({ length: count }, () => r.int(0, Math.max(0, capacity)));
  const profit = Array.from({ length: count }, () => 0.5 + r.next() * 20);
  return { count, capacity, weight, profit };
}

describe('KnapsackSolver', () => {
  it('finds the optimum of random integral knapsacks, and a choice that fits and reaches it', () => {
    const solver = new KnapsackSolver();
    for (let seed = 1; seed <= 300; seed++) {
      const { count, capacity, weight, profit } = buildKnapsack(seed);
      const take = new Uint8Array(count);
      const curve = new Float64Array(capacity + 1);
      const answer = solver.solve(
        Float64Array.from(profit),
        Float64Array.from(weight),
        count,
        capacity,
        true,
        take,
        curve,
      );
      expect(answer.exact).toBe(true);
      expect(answer.value).toBeCloseTo(bruteForce(profit, weight, capacity), 9);
      let w = 0;
      let p = 0;
      take.forEach((t, k) => {
        w += t * weight[k]!;
        p += t * profit[k]!;
      });
      expect(w).toBeLessThanOrEqual(capacity);
      expect(p).toBeCloseTo(answer.value, 9);
      // The curve is the optimum at every smaller capacity.
      for (const c of [0, Math.floor(capacity / 2), capacity])
        expect(curve[c]).toBeCloseTo(bruteForce(profit, weight, c), 9);
    }
  });

  it('bounds from above by the fractional knapsack when weights are not integers', () => {
    const solver = new KnapsackSolver();
    for (let seed = 1; seed <= 100; seed++) {
      const { count, capacity, weight, profit } = buildKnapsack(seed);
      const take = new Uint8Array(count);
      const real = weight.map((w) => w + 0.25);
      const answer = solver.solve(
        Float64Array.from(profit),
        Float64Array.from(real),
        count,
        capacity,
        false,
        take,
      );
      expect(answer.value).toBeGreaterThanOrEqual(bruteForce(profit, real, capacity) - 1e-9);
      const used = real.reduce((s, w, k) => s + w * take[k]!, 0);
      expect(used).toBeLessThanOrEqual(capacity + 1e-9);
    }
  });

  it('falls back to the fractional bound when the table would be too large', () => {
    const solver = new KnapsackSolver(10);
    const take = new Uint8Array(3);
    const answer = solver.solve(
      Float64Array.of(10, 7, 3),
      Float64Array.of(5, 4, 3),
      3,
      8,
      true,
      take,
    );
    expect(answer).toEqual({ value: 10 + 7 * (3 / 4), exact: false });
    expect(Array.from(take)).toEqual([1, 0, 0]);
  });
});

import { createRandom } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { classify } from './classes.js';
import { lpBound } from './highs-model.js';
import type { Instance } from './instance.js';
import { relax } from './lagrangian.js';
import { loadHighs } from './load-highs.js';
import { compile } from './model.js';
import { solve } from './solve.js';
import { randomInstance } from './test-support/random-instance.js';
import { buildTimetableInstance, type TimetableInput } from './timetable.js';

/** Cases of a few kinds (size, ready day, destination) on flights to two destinations. */
function crowdInput(cases: number, seed: number): TimetableInput {
  const r = createRandom(seed);
  const days = ['2030-01-01', '2030-01-02', '2030-01-03', '2030-01-04'];
  return {
    startDay: days[0]!,
    hazard: [0.1, 0.2, 0.4, 0.8, 1.6],
    cases: Array.from({ length: cases }, (_, i) => {
      const persons = r.int(1, 4);
      return {
        id: `C${i}`,
        persons,
        baggageKg: 10 * persons,
        readyDay: days[r.int(0, 2)]!,
        priority: r.chance(0.2) ? 1 : 0,
        destinationId: r.chance(0.6) ? 'A' : 'B',
      };
    }),
    movements: days.flatMap((day, d) => [
      { id: `A${d}`, destinationId: 'A', day, seats: 40 + 7 * d, baggageKg: 300 + 70 * d },
      { id: `B${d}`, destinationId: 'B', day, seats: 25 + 5 * d, baggageKg: 250 + 50 * d },
    ]),
    ground: days.map((day) => ({ day, persons: 60 })),
    intake: [],
    links: [],
  };
}

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

describe('classes of alike items', () => {
  const input = crowdInput(300, 7);
  const { instance } = buildTimetableInstance(input);
  const model = compile(instance);
  const free = new Int32Array(model.n).fill(-3);

  it('share one pairs array per class in the timetable instance', () => {
    const keyOf = (c: TimetableInput['cases'][number]) =>
      `${c.persons}/${c.readyDay}/${c.priority}/${c.destinationId}`;
    const arrays = new Map<string, Set<unknown>>();
    input.cases.forEach((c, i) => {
      const set = arrays.get(keyOf(c)) ?? new Set();
      set.add(instance.items[i]!.pairs);
      arrays.set(keyOf(c), set);
    });
    for (const set of arrays.values()) expect(set.size).toBe(1);
    expect(new Set(instance.items.map((item) => item.pairs)).size).toBe(arrays.size);
  });

  it('group the items into as many classes as kinds, counting every item once', () => {
    const classes = classify(model, free)!;
    expect(classes).not.toBeNull();
    const kinds = new Set(
      input.cases.map((c) =>
        JSON.stringify(c, ['persons', 'readyDay', 'priority', 'destinationId']),
      ),
    );
    expect(classes.count.length).toBe(kinds.size);
    expect(classes.count.reduce((s, v) => s + v, 0)).toBe(model.n);
    for (let c = 0; c < model.n; c++) {
      const first = classes.first[classes.classOf[c]!]!;
      expect(input.cases[c]!.persons).toBe(input.cases[first]!.persons);
      expect(input.cases[c]!.readyDay).toBe(input.cases[first]!.readyDay);
    }
  });

  it('give the same Lagrangian value as the items at any prices', () => {
    const classes = classify(model, free)!;
    const r = createRandom(3);
    for (let trial = 0; trial < 5; trial++) {
      const prices = Float64Array.from({ length: model.resources }, () => r.next() * 0.3);
      const a = relax(model, prices, free, new Float64Array(model.resources));
      const useClasses = new Float64Array(model.resources);
      const b = relax(classes.model, prices, classes.fixed, useClasses, classes.count);
      expect(b).toBeCloseTo(a, 6);
    }
  });

  it('give the LP bound of the item model (HiGHS on both)', async () => {
    const highs = await loadHighs();
    const classes = classify(model, free)!;
    const items = lpBound(highs, model, free, 30_000);
    const grouped = lpBound(highs, classes.model, classes.fixed, 30_000, classes.count);
    expect(Number.isFinite(items.bound)).toBe(true);
    expect(grouped.bound).toBeCloseTo(items.bound, 4);
  });

  it('keep a fixed item in a class of its own', () => {
    const fixed = free.slice();
    fixed[0] = model.pairStart[0]! + 1;
    fixed[1] = -1;
    const classes = classify(model, fixed)!;
    const own = classes.classOf[0]!;
    expect(classes.count[own]).toBe(1);
    expect(classes.fixed[own]).toBe(classes.model.pairStart[own]! + 1);
    expect(classes.fixed[classes.classOf[1]!]).toBe(-1);
    expect(classes.count[classes.classOf[1]!]).toBe(1);
  });

  it('are not used when the items are all different', () => {
    const distinct = compile(randomInstance({ items: 40, bins: 5, seed: 9 }));
    expect(classify(distinct, new Int32Array(distinct.n).fill(-3))).toBeNull();
  });

  it('let solve bound and round the class LP into a feasible plan', async () => {
    const highs = await loadHighs();
    const big = buildTimetableInstance(crowdInput(3000, 11)).instance;
    // 12,000 item pairs, above this LP limit; the class model's few dozen pairs are under it.
    const result = solve(big, { highs, timeLimitMs: 20_000, lpPairLimit: 1_000 });
    const { objective, used } = recompute(big, result.assignment);
    expect(result.objective).toBeCloseTo(objective, 6);
    big.resources.forEach((r, k) => expect(used[k]).toBeLessThanOrEqual(r.capacity + 1e-9));
    expect(['highs-lp', 'assignment', 'branch-and-bound']).toContain(result.stats.boundSource);
    const lp = lpBound(highs, compile(big), new Int32Array(big.items.length).fill(-3), 30_000);
    expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
    expect(result.bound).toBeLessThanOrEqual(lp.bound + 1e-6 * Math.abs(lp.bound));
    expect(result.gap).toBeLessThan(0.01);
  });

  it('keep locked items where they are locked when solve uses the class LP', async () => {
    const highs = await loadHighs();
    const big = buildTimetableInstance(crowdInput(3000, 12)).instance;
    // Three items of one class: one locked to its last bin, one locked out, one free.
    const pairs = big.items[0]!.pairs;
    const alike = big.items.flatMap((item, i) => (item.pairs === pairs ? [i] : [])).slice(0, 3);
    expect(alike.length).toBe(3);
    const lastBin = pairs[pairs.length - 1]!.bin;
    const locks = new Map([
      [alike[0]!, lastBin],
      [alike[1]!, -1],
    ]);
    const result = solve(big, { highs, timeLimitMs: 20_000, lpPairLimit: 1_000, locks });
    expect(result.assignment[alike[0]!]).toBe(lastBin);
    expect(result.assignment[alike[1]!]).toBe(-1);
    const { objective, used } = recompute(big, result.assignment);
    expect(result.objective).toBeCloseTo(objective, 6);
    big.resources.forEach((r, k) => expect(used[k]).toBeLessThanOrEqual(r.capacity + 1e-9));
    expect(result.bound).toBeGreaterThanOrEqual(result.objective - 1e-6);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { EjectionChains, type ChainLimits } from './ejection.js';
import { parseGap } from './gap-format.js';
import { gapShape } from './gap-shape.js';
import { gapToInstance } from './gap.js';
import { compile, type Model } from './model.js';
import { construct } from './search.js';
import { PlanState } from './state.js';
import { randomInstance } from './test-support/random-instance.js';

function gapModel(name: string): Model {
  const file = join(import.meta.dirname, `../../../../shared/data/gap/cattrysse1994/${name}`);
  const [problem] = parseGap(readFileSync(file, 'utf8'), name);
  return compile(gapToInstance(problem!, 'min'));
}

/** A greedy plan of `model`, and the search over it at the given resource prices. */
function buildSearch(model: Model, prices = new Float64Array(model.resources), seed = 7) {
  const state = new PlanState(model);
  const free = new Uint8Array(model.n).fill(1);
  construct(state, new Float64Array(model.resources), free, createRandom(1));
  const shape = gapShape(model, free, prices, 5)!;
  return { state, search: new EjectionChains(state, shape, prices, createRandom(seed)) };
}

const limits: ChainLimits = {
  maxMoves: 20_000,
  deadline: Infinity,
  patience: 30,
  report: () => true,
};

function feasible(state: PlanState): boolean {
  const { capacity } = state.model;
  return capacity.every((cap, r) => state.usage[r]! <= cap + 1e-9);
}

function recomputed(state: PlanState): number {
  let objective = 0;
  for (let c = 0; c < state.model.n; c++) objective += state.value(c);
  return objective;
}

describe('ejection chains', () => {
  it('apply only to single-resource GAPs with every item free', () => {
    const model = gapModel('gap1-0');
    const free = new Uint8Array(model.n).fill(1);
    const prices = new Float64Array(model.resources);
    expect(gapShape(model, free, prices, 5)).not.toBeNull();
    free[3] = 0;
    expect(gapShape(model, free, prices, 5)).toBeNull();
    const shared = compile(randomInstance({ items: 30, bins: 4, seed: 3, shared: true }));
    expect(gapShape(shared, new Uint8Array(shared.n).fill(1), prices, 5)).toBeNull();
    // Dense tables of items × bins: a model too large for them keeps the tabu search.
    const huge = { ...model, n: 2_000_001, m: 2 };
    expect(gapShape(huge, new Uint8Array(huge.n).fill(1), prices, 5)).toBeNull();
  });

  it('ends with a feasible plan, no worse than its start, whose objective is the sum of its pairs', () => {
    const { state, search } = buildSearch(gapModel('gap12-0'));
    const start = state.objective;
    const moves = search.run(limits);
    expect(moves).toBeGreaterThan(0);
    expect(state.objective).toBeGreaterThanOrEqual(start);
    expect(feasible(state)).toBe(true);
    expect(state.objective).toBeCloseTo(recomputed(state), 9);
    expect(state.pair.every((p) => p >= 0)).toBe(true);
  });

  it('finds the optimum of a small OR-Library problem', () => {
    const { state, search } = buildSearch(gapModel('gap1-0'));
    search.run({ ...limits, stopAt: -261 });
    expect(-state.objective).toBe(261);
  });

  it('gives the same plan for the same seed', () => {
    const plans = [1, 2].map(() => {
      const { state, search } = buildSearch(gapModel('gap11-2'), undefined, 11);
      search.run({ ...limits, maxMoves: 3_000 });
      return Array.from(state.pair);
    });
    expect(plans[1]).toEqual(plans[0]);
  });

  it('respects every capacity after every move when excess is priced above any gain', () => {
    const model = gapModel('gap8-1');
    // Penalty floors far above any weight: once the greedy's unplaced items (placed first, over
    // capacity) are repaired, no move may leave a bin over capacity again.
    const { state, search } = buildSearch(model, new Float64Array(model.resources).fill(1e9));
    let checked = 0;
    let repaired = false;
    search.run({
      ...limits,
      onMove: () => {
        expect(state.objective).toBeCloseTo(recomputed(state), 9);
        if (repaired) {
          expect(feasible(state)).toBe(true);
          checked++;
        }
        repaired ||= feasible(state);
      },
    });
    expect(checked).toBeGreaterThan(0);
    expect(feasible(state)).toBe(true);
  });

  it('repairs a plan that breaks capacities', () => {
    const model = gapModel('gap5-2');
    const { state, search } = buildSearch(model);
    // Everyone into their cheapest bin, capacities ignored.
    for (let c = 0; c < model.n; c++) {
      let best = model.pairStart[c]!;
      for (let p = best; p < model.pairStart[c + 1]!; p++)
        if (model.pairWeight[p]! > model.pairWeight[best]!) best = p;
      state.move(c, best);
    }
    expect(feasible(state)).toBe(false);
    search.run(limits);
    expect(feasible(state)).toBe(true);
    expect(state.pair.every((p) => p >= 0)).toBe(true);
  });
});

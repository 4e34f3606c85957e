import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { parseGap } from './gap-format.js';
import { gapShape } from './gap-shape.js';
import { gapToInstance } from './gap.js';
import { compile, type Model } from './model.js';
import { repackPairs } from './repack.js';
import { construct } from './search.js';
import { PlanState } from './state.js';
import { randomInstance } from './test-support/random-instance.js';

function gapModel(name: string): Model {
  const file = join(import.meta.dirname, `../../../../shared/data/gap/cattrysse1994/${name}`);
  const [problem] = parseGap(readFileSync(file, 'utf8'), name);
  return compile(gapToInstance(problem!, 'min'));
}

function feasible(state: PlanState): boolean {
  const { capacity } = state.model;
  return capacity.every((cap, r) => state.usage[r]! <= cap + 1e-9);
}

function recomputed(state: PlanState): number {
  let objective = 0;
  for (let c = 0; c < state.model.n; c++) objective += state.value(c);
  return objective;
}

/** The best reassignment of the items of bins a and b between them, by trying every one. */
function bruteForce(state: PlanState, a: number, b: number): number {
  const { model } = state;
  const shape = gapShape(
    model,
    new Uint8Array(model.n).fill(1),
    new Float64Array(model.resources),
    5,
  )!;
  const at = (c: number, bin: number) => shape.pairAt[c * model.m + bin]!;
  const items: number[] = [];
  let rest = state.objective;
  const cap = [model.capacity[shape.resourceOf[a]!]!, model.capacity[shape.resourceOf[b]!]!];
  for (let c = 0; c < model.n; c++) {
    const bin = model.pairBin[state.pair[c]!]!;
    if (bin !== a && bin !== b) continue;
    if (at(c, a) >= 0 && at(c, b) >= 0) {
      items.push(c);
      rest -= model.pairWeight[state.pair[c]!]!;
    } else cap[bin === a ? 0 : 1]! -= shape.amount[state.pair[c]!]!;
  }
  let best = -Infinity;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let la = 0;
    let lb = 0;
    let value = rest;
    items.forEach((c, i) => {
      const p = mask & (1 << i) ? at(c, a) : at(c, b);
      if (mask & (1 << i)) la += shape.amount[p]!;
      else lb += shape.amount[p]!;
      value += model.pairWeight[p]!;
    });
    if (la <= cap[0]! && lb <= cap[1]!) best = Math.max(best, value);
  }
  return best;
}

describe('two-bin repacking', () => {
  it('finds the best split of two bins, keeps the plan feasible and never loses', () => {
    // gap1-0 … gap1-4: 5 agents, 15 jobs, so two bins hold few enough items to try every split.
    for (const name of ['gap1-0', 'gap1-1', 'gap1-2', 'gap1-3', 'gap1-4']) {
      const model = gapModel(name);
      const free = new Uint8Array(model.n).fill(1);
      const shape = gapShape(model, free, new Float64Array(model.resources), 5)!;
      const state = new PlanState(model);
      construct(state, new Float64Array(model.resources), free, createRandom(3));
      expect(feasible(state)).toBe(true);
      const before = state.objective;
      const gain = repackPairs(state, shape, createRandom(5), Infinity);
      expect(gain).toBeGreaterThanOrEqual(0);
      expect(state.objective).toBeCloseTo(before + gain, 9);
      expect(state.objective).toBeCloseTo(recomputed(state), 9);
      expect(feasible(state)).toBe(true);
      // At the end no pair of bins can be improved: the brute force agrees on every pair.
      for (let a = 0; a < model.m; a++)
        for (let b = a + 1; b < model.m; b++)
          expect(bruteForce(state, a, b)).toBeCloseTo(state.objective, 9);
    }
  });

  it('undoes a move that made the plan worse', () => {
    // Room to spare, so that worse moves fit.
    const model = compile(randomInstance({ items: 16, bins: 3, seed: 4, tightness: 1.5 }));
    const free = new Uint8Array(model.n).fill(1);
    const shape = gapShape(model, free, new Float64Array(model.resources), 5)!;
    const state = new PlanState(model);
    construct(state, new Float64Array(model.resources), free, createRandom(3));
    const random = createRandom(9);
    let worse = 0;
    for (let trial = 0; trial < 200 && worse === 0; trial++) {
      const c = random.int(0, model.n - 1);
      const bin = model.pairBin[state.pair[c]!]!;
      const to = random.int(0, model.m - 1);
      const p = shape.pairAt[c * model.m + to]!;
      if (to === bin || p < 0 || !state.fits(p, state.pair[c]!)) continue;
      if (model.pairWeight[p]! < model.pairWeight[state.pair[c]!]!) {
        worse = model.pairWeight[state.pair[c]!]! - model.pairWeight[p]!;
        state.move(c, p);
      }
    }
    expect(worse).toBeGreaterThan(0);
    const before = state.objective;
    expect(repackPairs(state, shape, createRandom(5), Infinity)).toBeGreaterThanOrEqual(worse);
    expect(state.objective).toBeGreaterThanOrEqual(before + worse - 1e-9);
    expect(feasible(state)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { parseGap } from './gap-format.js';
import { gapToInstance } from './gap.js';
import { compile } from './model.js';
import { relinkSearch } from './relink.js';
import { construct } from './search.js';
import { PlanState } from './state.js';

function buildStart(name: string) {
  const file = join(import.meta.dirname, `../../../../shared/data/gap/cattrysse1994/${name}`);
  const [problem] = parseGap(readFileSync(file, 'utf8'), name);
  const model = compile(gapToInstance(problem!, 'min'));
  const state = new PlanState(model);
  const free = new Uint8Array(model.n).fill(1);
  construct(state, new Float64Array(model.resources), free, createRandom(1));
  return { model, state, free };
}

function expectFeasible(state: PlanState) {
  const { model } = state;
  for (let r = 0; r < model.resources; r++)
    expect(state.usage[r]).toBeLessThanOrEqual(model.capacity[r]! + 1e-9);
  let objective = 0;
  for (let c = 0; c < model.n; c++) objective += state.value(c);
  expect(state.objective).toBeCloseTo(objective, 6);
}

describe('path relinking search', () => {
  it('keeps going until its move limit while the gap is open, and ends with its best plan', () => {
    const { state, free } = buildStart('gap12-0');
    const start = state.objective;
    let best = -Infinity;
    const moves = relinkSearch(
      state,
      free,
      createRandom(5),
      {
        maxMoves: 6_000,
        deadline: Infinity,
        patience: 100,
        stopAt: () => Infinity,
        swapBudget: 1_000,
        chainCandidates: 0,
        chainPatience: 30,
        report: (_, b) => {
          best = Math.max(best, b);
          return true;
        },
      },
      new Float64Array(state.model.resources),
    );
    // Many runs of 100 moves without progress, and still it used every move it was given.
    expect(moves).toBe(6_000);
    expect(state.objective).toBeGreaterThanOrEqual(start);
    expect(state.objective).toBeGreaterThanOrEqual(best);
    expectFeasible(state);
  });

  it('stops as soon as a plan reaches the bound', () => {
    const { state, free } = buildStart('gap1-0');
    const moves = relinkSearch(
      state,
      free,
      createRandom(5),
      {
        maxMoves: 1_000_000,
        deadline: Infinity,
        patience: 200,
        stopAt: () => -261,
        swapBudget: 1_000,
        chainCandidates: 0,
        chainPatience: 30,
        report: () => true,
      },
      new Float64Array(state.model.resources),
    );
    expect(-state.objective).toBe(261);
    expect(moves).toBeLessThan(1_000_000);
    expectFeasible(state);
  });
});

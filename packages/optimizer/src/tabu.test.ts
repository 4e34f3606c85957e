import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { parseGap } from './gap-format.js';
import { gapToInstance } from './gap.js';
import { compile } from './model.js';
import { construct } from './search.js';
import { PlanState } from './state.js';
import { tabuSearch } from './tabu.js';
import { randomInstance } from './test-support/random-instance.js';

const limits = { maxIterations: 20_000, deadline: Infinity, patience: 2_000, report: () => true };

/** A greedy plan (capacities respected) to start from. */
function greedyStart(model: ReturnType<typeof compile>) {
  const state = new PlanState(model);
  const free = new Uint8Array(model.n).fill(1);
  construct(state, new Float64Array(model.resources), free, createRandom(1));
  return { state, free };
}

describe('tabu search', () => {
  it('returns a feasible plan at least as good as its start', () => {
    const model = compile(
      randomInstance({ items: 60, bins: 5, seed: 21, tightness: 0.9, shared: true }),
    );
    const { state, free } = greedyStart(model);
    const start = state.objective;
    tabuSearch(state, free, createRandom(2), limits);
    expect(state.objective).toBeGreaterThanOrEqual(start - 1e-9);
    for (let r = 0; r < model.resources; r++)
      expect(state.usage[r]).toBeLessThanOrEqual(model.capacity[r]! + 1e-9);
  });

  it('finds the optimum of a small OR-Library problem without an exact solver', () => {
    const file = join(import.meta.dirname, '../../../../shared/data/gap/cattrysse1994/gap1-0');
    const [problem] = parseGap(readFileSync(file, 'utf8'), 'gap1-0');
    const { state, free } = greedyStart(compile(gapToInstance(problem!, 'min')));
    tabuSearch(state, free, createRandom(3), limits);
    expect(-state.objective).toBe(261);
  });
});
